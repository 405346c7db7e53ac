import type { ComponentProps, ReactNode } from 'react';
import { Link } from './link';

// The labelled controls of the GET filter forms above the lists. A filter the list cannot read is
// ignored (parseListParamsLeniently); where the page says why, the reason stands beside the field.

type FilterProps = {
  name: string;
  label: string;
  /** `filter-<name>` unless given. */
  id?: string;
  /** The filter's current value, as the list read it from the address. */
  value?: string | number;
  /** Why the value in the address was ignored. */
  error?: string;
};

function FilterField({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <span id={`${id}-error`} className="error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

export function FilterInput({
  name,
  label,
  id = `filter-${name}`,
  value,
  error,
  'aria-describedby': help,
  ...input
}: FilterProps & Omit<ComponentProps<'input'>, keyof FilterProps | 'defaultValue'>) {
  return (
    <FilterField id={id} label={label} error={error}>
      <input
        id={id}
        name={name}
        defaultValue={value ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={[help, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined}
        {...input}
      />
    </FilterField>
  );
}

type FilterOption = { value: string | number; label: string };

type SelectProps = FilterProps & {
  /** A list, or labels by value in their order. */
  options: readonly FilterOption[] | Readonly<Record<string, string>>;
  /** The first choice, which filters nothing (value ''). */
  anyLabel?: string;
};

const isList = (options: SelectProps['options']): options is readonly FilterOption[] => Array.isArray(options);

export function FilterSelect({ name, label, id = `filter-${name}`, value, options, anyLabel }: SelectProps) {
  const choices = isList(options)
    ? options
    : Object.entries(options).map(([optionValue, optionLabel]) => ({ value: optionValue, label: optionLabel }));
  return (
    <FilterField id={id} label={label}>
      <select id={id} name={name} defaultValue={value ?? ''}>
        {anyLabel === undefined ? null : <option value="">{anyLabel}</option>}
        {choices.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FilterField>
  );
}

/**
 * The end of every filter form: "Apply filters" and, when something is filtered, "Clear" (the
 * list as it opens). Same words on every list.
 */
export function FilterActions({ clearHref, filtered = true }: { clearHref: string; filtered?: boolean }) {
  return (
    <div className="filter-actions">
      <button type="submit">Apply filters</button>
      {filtered ? <Link href={clearHref}>Clear</Link> : null}
    </div>
  );
}
