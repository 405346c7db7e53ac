import type { Metadata } from 'next';
import { Banner } from '@/app/components/banner';
import { Panel } from '@/app/components/panel';
import { adminRoles } from '@/lib/actor';
import { pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { formatClockTime } from '@/lib/sla/business-time';
import { weekdayNames } from '@/lib/sla/schemas';
import { loadSlaSettings } from '@/lib/sla/settings';
import { priorityLabels } from '@/lib/tickets/rules';
import type { SearchParams } from '../../_components/list-query';
import { AddHolidayForm, CalendarForm, PoliciesForm, RemoveHolidayButton } from './sla-forms';

export const metadata: Metadata = { title: 'SLA' };

const hours = (minutes: number | undefined) =>
  minutes === undefined ? '' : String(Math.round((minutes / 60) * 100) / 100);
const options = (record: Record<string, string>) =>
  Object.entries(record)
    .map(([value, label]) => ({ value, label: `${label} (${value})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
// Monday first, as people read a working week.
const weekOrder = [1, 2, 3, 4, 5, 6, 0];

export default async function SlaPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await pageActor(adminRoles);
  const settings = await loadSlaSettings(await getDb(), actor);
  const { removed } = await searchParams;
  const { calendar } = settings;
  return (
    <>
      <h1>SLA</h1>
      {typeof removed === 'string' ? <Banner param="removed">Removed the day off {removed}.</Banner> : null}
      <p className="muted">
        Targets count business time only: the working hours below, without days off. The clock stops while a ticket
        waits on its requester and while it is resolved. Every change here moves the due times of the open tickets.
      </p>
      <Panel id="sla-policies" title="Policies">
        <PoliciesForm
          rows={settings.policies.map(({ priority, policy, version }) => ({
            priority,
            version,
            label: priorityLabels[priority],
            firstResponse: hours(policy?.firstResponseMinutes),
            resolution: hours(policy?.resolutionMinutes),
          }))}
        />
      </Panel>
      <Panel id="sla-calendar" title="Business calendar">
        <CalendarForm
          version={calendar.version}
          timeZone={calendar.timeZone}
          days={weekOrder.map((day) => {
            const worked = calendar.week[day];
            return {
              day,
              name: weekdayNames[day],
              start: worked ? formatClockTime(worked.start) : '',
              end: worked ? formatClockTime(worked.end) : '',
            };
          })}
          country={calendar.holidayCountry ?? ''}
          countries={options(settings.countries)}
          region={calendar.holidayRegion ?? ''}
          regions={options(settings.regions)}
        />
        {settings.upcomingPublicHolidays.length > 0 ? (
          <>
            <h2>Next public holidays</h2>
            <ul>
              {settings.upcomingPublicHolidays.map((holiday) => (
                <li key={holiday.day}>
                  {holiday.day} — {holiday.name}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Panel>
      <Panel id="sla-holidays" title="Added days off">
        {settings.addedHolidays.length === 0 ? (
          <p className="empty">No days off added.</p>
        ) : (
          <ul>
            {settings.addedHolidays.map((holiday) => (
              <li key={holiday.day}>
                {holiday.day} — {holiday.name} <RemoveHolidayButton day={holiday.day} name={holiday.name} />
              </li>
            ))}
          </ul>
        )}
        <AddHolidayForm />
      </Panel>
    </>
  );
}
