'use client';

import { ActionButton } from '@/app/components/action-button';
import { ActionForm } from '@/app/components/action-form';
import { Field } from '@/app/components/form';
import { SelectField, type SelectOption } from '@/app/components/form-controls';
import { TimeZoneSelectField } from '@/app/components/time-zone-select';
import { addHolidayAction, removeHolidayAction, saveCalendarAction, savePoliciesAction } from './actions';
import styles from './sla.module.css';

type Day = { day: number; name: string; start: string; end: string };

export function CalendarForm(props: {
  version: number;
  timeZone: string;
  days: Day[];
  country: string;
  countries: SelectOption[];
  region: string;
  regions: SelectOption[];
}) {
  return (
    <ActionForm
      action={saveCalendarAction}
      hidden={{ version: props.version }}
      submit="Save calendar"
      pendingText="Saving…"
    >
      <TimeZoneSelectField name="timeZone" label="Time zone" defaultValue={props.timeZone} idPrefix="calendar" />
      <fieldset className={styles.week}>
        <legend>Working hours (HH:MM; both empty for a day off, 24:00 for midnight)</legend>
        {props.days.map((day) => (
          <div key={day.day} className={styles.day}>
            <Field name={`start${day.day}`} label={`${day.name} from`} defaultValue={day.start} idPrefix="calendar" />
            <Field name={`end${day.day}`} label={`${day.name} to`} defaultValue={day.end} idPrefix="calendar" />
          </div>
        ))}
      </fieldset>
      <SelectField
        name="holidayCountry"
        label="Public holidays of"
        defaultValue={props.country}
        options={[{ value: '', label: 'No country' }, ...props.countries]}
        idPrefix="calendar"
      />
      {props.regions.length > 0 ? (
        <SelectField
          name="holidayRegion"
          label="Region"
          defaultValue={props.region}
          options={[{ value: '', label: 'The whole country' }, ...props.regions]}
          hint="The regions of the saved country; save a new country first to choose among its regions."
          idPrefix="calendar"
        />
      ) : null}
    </ActionForm>
  );
}

export function AddHolidayForm() {
  return (
    <ActionForm action={addHolidayAction} submit="Add day off" pendingText="Adding…">
      <Field name="day" label="Date" type="date" idPrefix="holiday" />
      <Field name="name" label="Name" idPrefix="holiday" autoComplete="off" />
    </ActionForm>
  );
}

export function RemoveHolidayButton({ day, name }: { day: string; name: string }) {
  return (
    <ActionButton
      action={removeHolidayAction}
      fields={{ day }}
      label={`Remove ${name}`}
      confirm={`Remove ${name} (${day}) from the days off?`}
      variant="secondary"
    />
  );
}

type PolicyRow = { priority: string; version: number; label: string; firstResponse: string; resolution: string };

export function PoliciesForm({ rows }: { rows: PolicyRow[] }) {
  // Each priority's version as read, so a save over another admin's is refused instead of undoing it.
  const versions = Object.fromEntries(rows.map((row) => [`${row.priority}Version`, row.version]));
  return (
    <ActionForm action={savePoliciesAction} hidden={versions} submit="Save policies" pendingText="Saving…">
      <p className="muted">In business hours (e.g. 4 or 0.5). Leave both empty for no SLA on that priority.</p>
      {rows.map((row) => (
        <fieldset key={row.priority} className={styles.day}>
          <legend>{row.label}</legend>
          <Field
            name={`${row.priority}FirstResponse`}
            label={`${row.label}: first response (hours)`}
            defaultValue={row.firstResponse}
            idPrefix="policy"
          />
          <Field
            name={`${row.priority}Resolution`}
            label={`${row.label}: resolution (hours)`}
            defaultValue={row.resolution}
            idPrefix="policy"
          />
        </fieldset>
      ))}
    </ActionForm>
  );
}
