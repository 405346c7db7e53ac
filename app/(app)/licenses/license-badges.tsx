import { daysUntil } from '@/lib/dashboard/expiry-windows';

/** A license's expiry date, flagged when it is past or within 30, 60 or 90 days. */
export function ExpiryBadge({ expiresAt, today }: { expiresAt: string | null; today: string }) {
  if (!expiresAt) return <span className="muted">Never</span>;
  const days = daysUntil(expiresAt, today);
  let badge: { tone: string; text: string } | null = null;
  if (days < 0) badge = { tone: 'red', text: 'Expired' };
  else if (days <= 30)
    badge = { tone: 'red', text: days === 0 ? 'Expires today' : `In ${days} day${days === 1 ? '' : 's'}` };
  else if (days <= 60) badge = { tone: 'amber', text: `In ${days} days` };
  else if (days <= 90) badge = { tone: 'blue', text: `In ${days} days` };
  return (
    <span>
      <time dateTime={expiresAt}>{expiresAt}</time>{' '}
      {badge ? <span className={`badge ${badge.tone}`}>{badge.text}</span> : null}
    </span>
  );
}

/** "3 / 5" with a small bar; the meter turns to a warning colour when nearly full. */
export function SeatUse({ used, seats }: { used: number; seats: number }) {
  return (
    <span className="inline-form">
      <meter
        min={0}
        max={seats}
        value={used}
        low={Math.floor(seats * 0.75)}
        high={Math.max(seats - 1, 1)}
        optimum={0}
        aria-label={`${used} of ${seats} seats used`}
      />
      <span>
        {used} / {seats}
      </span>
    </span>
  );
}
