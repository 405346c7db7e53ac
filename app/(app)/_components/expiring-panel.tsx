import { Link } from '@/app/components/link';
import { Fact, Facts } from '@/app/components/facts';
import { Panel } from '@/app/components/panel';
import type { ExpiryCounts } from '@/lib/dashboard/expiry-windows';
import { daysUntil } from '@/lib/dashboard/expiry-windows';

type Item = { id: string; href: string; label: string; date: string };

/** Counts within 30/60/90 days and the soonest few, for warranties or licenses. */
export function ExpiringPanel({
  id,
  title,
  counts,
  items,
  today,
  empty,
}: {
  id: string;
  title: string;
  counts: ExpiryCounts;
  items: Item[];
  today: string;
  empty: string;
}) {
  return (
    <Panel id={id} title={title}>
      <Facts>
        <Fact term="Within 30 days" data-testid={`${id}-30`}>
          {counts.within30}
        </Fact>
        <Fact term="Within 60 days" data-testid={`${id}-60`}>
          {counts.within60}
        </Fact>
        <Fact term="Within 90 days" data-testid={`${id}-90`}>
          {counts.within90}
        </Fact>
      </Facts>
      {items.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <ul>
          {items.map((item) => {
            const days = daysUntil(item.date, today);
            return (
              <li key={item.id}>
                <Link href={item.href}>{item.label}</Link> — <time dateTime={item.date}>{item.date}</time>{' '}
                <span className={`badge ${days <= 30 ? 'red' : days <= 60 ? 'amber' : 'blue'}`}>
                  {days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}
