'use client';

import { useSearchParams } from 'next/navigation';
import { useEffect, useState, type ReactNode } from 'react';

// Banners come one at a time: each belongs to the action that caused it and goes away when the
// next action starts (any form on the page is sent), while errors beside their fields stay.

/** False once a form on the page has been sent since `result` arrived; true again for a new result. */
export function useUntilNextAction(result: unknown): boolean {
  const [hiddenFor, setHiddenFor] = useState<unknown>(undefined);
  useEffect(() => {
    // Signing in again in a dialog is no new action: the message that asked for it stays.
    const hide = (event: SubmitEvent) => {
      if (!(event.target instanceof Element && event.target.closest('dialog'))) setHiddenFor(result);
    };
    document.addEventListener('submit', hide);
    return () => document.removeEventListener('submit', hide);
  }, [result]);
  return hiddenFor !== result;
}

/**
 * A page's message about the action that led to it (e.g. "Ticket created." after `?created=1`).
 * The marker `param` leaves the address at once, so a reload or a shared link does not repeat it;
 * each arrival of the marker (the same action done again) shows the message afresh.
 */
export function Banner({ param, children }: { param: string; children: ReactNode }) {
  const searchParams = useSearchParams();
  // The address the marker came with: a new one for every navigation that brings the marker.
  const [arrival, setArrival] = useState(searchParams);
  if (searchParams !== arrival && searchParams.has(param)) setArrival(searchParams);
  const shown = useUntilNextAction(arrival);
  useEffect(() => {
    if (!searchParams.has(param)) return;
    const url = new URL(window.location.href);
    url.searchParams.delete(param);
    window.history.replaceState(null, '', url);
  }, [param, searchParams]);
  return <div role="status">{shown ? <p className="notice success">{children}</p> : null}</div>;
}
