'use client';

import { ActionForm } from '@/app/components/action-form';
import { TimeZoneSelectField } from '@/app/components/time-zone-select';
import { saveTimeZoneAction } from './actions';

/** The zone times are shown in: the browser's (the default) or one chosen from the IANA list. */
export function TimeZoneForm({ chosen, browserZone }: { chosen: string | null; browserZone: string | null }) {
  const followBrowser = `Use my browser's time zone${browserZone ? ` (${browserZone})` : ''}`;
  return (
    <ActionForm action={saveTimeZoneAction} submit="Save time zone" pendingText="Saving…">
      <TimeZoneSelectField
        name="timeZone"
        label="Time zone"
        defaultValue={chosen ?? ''}
        hint="Dates and times on every page are shown in this zone."
        leading={[{ value: '', label: followBrowser }]}
      />
    </ActionForm>
  );
}
