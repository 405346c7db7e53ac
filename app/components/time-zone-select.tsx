'use client';

import { useSyncExternalStore } from 'react';
import { timeZoneChoices } from '@/lib/time-zones';
import { SelectField, type FieldBase, type SelectOption } from './form-controls';

const neverChanges = () => () => {};
const beforeHydration = () => null;

/**
 * A select of every IANA time zone, listed by the browser's own Intl once the page is live: sent
 * from the server, the whole list outweighed the rest of the account page, on every view. Until
 * then the select holds `leading` and the current value, so what is chosen shows and submits
 * unchanged. A zone the browser does not list (a name the server's Intl keeps) stays selectable.
 */
export function TimeZoneSelectField({ leading = [], ...field }: FieldBase & { leading?: SelectOption[] }) {
  const zones = useSyncExternalStore(neverChanges, timeZoneChoices, beforeHydration);
  const current = field.defaultValue;
  const listed = new Set([...leading.map((option) => option.value), ...(zones ?? [])]);
  const extra = current && !listed.has(current) ? [current] : [];
  return (
    <SelectField
      {...field}
      options={[...leading, ...[...extra, ...(zones ?? [])].map((zone) => ({ value: zone, label: zone }))]}
    />
  );
}
