'use client';

import { ActionForm } from '@/app/components/action-form';
import { SelectField } from '@/app/components/form-controls';
import { saveTimeZoneAction } from './actions';

/** The zone times are shown in: the browser's (the default) or one chosen from the IANA list. */
export function TimeZoneForm({
  zones,
  chosen,
  browserZone,
}: {
  zones: string[];
  chosen: string | null;
  browserZone: string | null;
}) {
  const followBrowser = `Use my browser's time zone${browserZone ? ` (${browserZone})` : ''}`;
  return (
    <ActionForm action={saveTimeZoneAction} submit="Save time zone" pendingText="Saving…">
      <SelectField
        name="timeZone"
        label="Time zone"
        defaultValue={chosen ?? ''}
        hint="Dates and times on every page are shown in this zone."
        options={[{ value: '', label: followBrowser }, ...zones.map((zone) => ({ value: zone, label: zone }))]}
      />
    </ActionForm>
  );
}
