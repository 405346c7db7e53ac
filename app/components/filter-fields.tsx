import type { ComponentProps, ReactNode } from 'react';

// The labelled controls of the GET filter forms above the lists. They have no errors to show: a
// filter the list cannot read is ignored (parseListParamsLeniently), and the form shows what applies.

type FilterProps = {
  name: string;
  label: string;
  /** `filter-<name>` unless given. */
  id?: string;
  /** The filter's current value, as the list read it from the address. */
  value?: string | number;
};

function FilterField({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

export function FilterInput({
  name,
  label,
  id = `filter-${name}`,
  value,
  ...input
}: FilterProps & Omit<ComponentProps<'input'>, keyof FilterProps | 'defaultValue'>) {
  return (
    <FilterField id={id} label={label}>
      <input id={id} name={name} defaultValue={value ?? ''} {...input} />
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
