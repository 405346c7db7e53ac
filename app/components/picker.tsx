'use client';

import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { LabelledControl, useFormResult, type FieldBase } from './form-controls';

export type PickerOption = { id: string; label: string; detail?: string };

/** Asks the server for at most a few options matching `text`; `signal` cancels a search overtaken by typing. */
export type PickerSearch = (text: string, signal: AbortSignal) => Promise<PickerOption[]>;

type PickerProps = FieldBase & {
  search: PickerSearch;
  /** What the field shows while nothing is chosen. */
  placeholder?: string;
};

// Long enough that typing a name sends one request, short enough to feel immediate.
const searchDelayMs = 200;

type SearchState = { status: 'idle' | 'searching' | 'done' | 'failed'; options: PickerOption[] };

/**
 * Runs `search` for `text` a moment after the last keystroke while the list is open, dropping the
 * answer to an older text when a newer one was asked for.
 */
function useDebouncedSearch(search: PickerSearch, text: string, open: boolean): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle', options: [] });
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setState((previous) => ({ status: 'searching', options: previous.options }));
      search(text.trim(), controller.signal).then(
        (options) => setState({ status: 'done', options }),
        () => {
          if (!controller.signal.aborted) setState({ status: 'failed', options: [] });
        },
      );
    }, searchDelayMs);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [search, text, open]);
  return state;
}

function statusText(state: SearchState, open: boolean): string {
  if (!open) return '';
  if (state.status === 'searching') return 'Searching…';
  if (state.status === 'failed') return 'The search failed. Try again.';
  if (state.status === 'done' && state.options.length === 0) return 'No matches.';
  if (state.status === 'done') return `${state.options.length} shown. Arrow keys to move, Enter to choose.`;
  return '';
}

// The labels of options this page has shown, by id: a form returned with an error echoes only the
// chosen id, and the picker shows that choice again under the same name.
const shownLabels = new Map<string, string>();

/**
 * A searchable choice (the ARIA combobox pattern): typing asks the server for matches, the arrow
 * keys move through them, Enter chooses, Escape closes. The chosen id is sent as the hidden field
 * `name`; the text box itself is not sent.
 */
export function Picker({ search, placeholder, ...field }: PickerProps) {
  const keptId = useFormResult().values?.[field.name] ?? '';
  const keptLabel = shownLabels.get(keptId);
  // The echoed value replaces what React reset after an action; the key remounts with it.
  return (
    <PickerControl
      key={keptId}
      field={field}
      search={search}
      placeholder={placeholder}
      initial={keptId && keptLabel ? { id: keptId, label: keptLabel } : null}
    />
  );
}

function PickerControl({
  field,
  search,
  placeholder,
  initial,
}: {
  field: FieldBase;
  search: PickerSearch;
  placeholder?: string;
  initial: PickerOption | null;
}) {
  const listId = useId();
  const [chosen, setChosen] = useState<PickerOption | null>(initial);
  const [text, setText] = useState(initial?.label ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const results = useDebouncedSearch(search, text, open);
  const options = open ? results.options : [];
  const optionId = (index: number) => `${listId}-option-${index}`;

  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  });

  const choose = (option: PickerOption) => {
    shownLabels.set(option.id, option.label);
    setChosen(option);
    setText(option.label);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        return;
      }
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + options.length) % options.length);
    } else if (event.key === 'Enter' && open) {
      // Enter in an open list chooses; it must not also submit the form.
      event.preventDefault();
      const option = options[active] ?? (options.length === 1 ? options[0] : undefined);
      if (option) choose(option);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <LabelledControl field={field}>
      {(control) => (
        <div className="picker">
          <input type="hidden" name={control.name} value={chosen?.id ?? ''} />
          <input
            id={control.id}
            type="text"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={listId}
            aria-activedescendant={open && active >= 0 && options[active] ? optionId(active) : undefined}
            aria-invalid={control['aria-invalid']}
            aria-describedby={control['aria-describedby']}
            placeholder={placeholder}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setChosen(null);
              setOpen(true);
              setActive(-1);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => {
              setOpen(false);
              setActive(-1);
            }}
          />
          <ul id={listId} role="listbox" aria-label={field.label} hidden={options.length === 0}>
            {options.map((option, index) => (
              <li
                key={option.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                // Choosing with the mouse must not blur the box first (which would close the list).
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(option)}
              >
                {option.label}
                {option.detail ? <span className="muted"> {option.detail}</span> : null}
              </li>
            ))}
          </ul>
          <span id={`${listId}-status`} className="visually-hidden" role="status">
            {statusText(results, open)}
          </span>
        </div>
      )}
    </LabelledControl>
  );
}
