'use client';

import { useEffect, useState, type ReactNode } from 'react';

/**
 * Holds a list's filter form. On a phone the form folds behind a "Filters" button (a disclosure
 * with aria-expanded); on a wider screen the button is hidden and the form always shown (CSS).
 * Until the script runs the form stays open, so filtering works without JavaScript too.
 */
export function FilterBar({ id, children }: { id: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const [ready, setReady] = useState(false);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- folding needs the script, so only once it runs
  useEffect(() => setReady(true), []);
  return (
    <div className="filter-bar" data-foldable={ready ? 'true' : undefined} data-open={open ? 'true' : undefined}>
      <button
        type="button"
        className="secondary filter-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((value) => !value)}
      >
        Filters
      </button>
      <div id={id} className="filter-bar-body">
        {children}
      </div>
    </div>
  );
}
