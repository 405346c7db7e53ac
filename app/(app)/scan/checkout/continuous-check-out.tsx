'use client';

import { useCallback, useState } from 'react';
import { CodeScanner } from '@/app/components/code-scanner';
import { UserPicker } from '@/app/components/pickers';
import { CodeEntry } from '../code-entry';
import { apiUrl, lookUpCode } from '../scanned-code';
import { addScan, applyResult, idsToCheckOut, type BatchResult, type ScanEntry } from './scan-list';

export function ContinuousCheckOut() {
  const [list, setList] = useState<ScanEntry[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const lookUp = useCallback(async (code: string) => {
    setBusy(true);
    try {
      const answer = await lookUpCode(code);
      setList((current) => addScan(current, code, answer));
    } finally {
      setBusy(false);
    }
  }, []);

  const onCode = useCallback((code: string) => void lookUp(code), [lookUp]);
  const pending = idsToCheckOut(list);

  const confirm = async (form: HTMLFormElement) => {
    const chosen = new FormData(form).get('userId');
    const userId = typeof chosen === 'string' ? chosen : '';
    if (!userId) {
      setMessage({ kind: 'error', text: 'Choose the person to check the items out to.' });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const response = await fetch(apiUrl('/assets/checkout-batch'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ userId, assetIds: pending }),
      });
      const body = (await response.json().catch(() => null)) as (BatchResult & { error?: { message?: string } }) | null;
      if (!response.ok || !body) {
        setMessage({ kind: 'error', text: body?.error?.message ?? 'Nothing was checked out. Try again.' });
        return;
      }
      setList((current) => applyResult(current, body));
      const refused = body.refused.length ? ` ${body.refused.length} refused (see the list).` : '';
      setMessage({
        kind: body.refused.length ? 'error' : 'success',
        text: `${body.checkedOut.length} checked out.${refused}`,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="scan-desk">
      <form
        id="continuous-check-out"
        onSubmit={(event) => {
          event.preventDefault();
          void confirm(event.currentTarget);
        }}
      >
        <UserPicker name="userId" label="Check out to" />
      </form>
      <CodeScanner onCode={onCode} />
      <CodeEntry onCode={onCode} busy={busy} />
      <section className="panel" aria-labelledby="scanned-items-title">
        <h2 id="scanned-items-title">Scanned items ({list.length})</h2>
        {list.length === 0 ? (
          <p className="empty">Nothing scanned yet.</p>
        ) : (
          <ol className="scan-list" aria-live="polite">
            {list.map((entry, index) => (
              <li key={`${index}-${entry.code}`} className={entry.problem ? 'scan-refused' : undefined}>
                <span>{entry.label}</span>{' '}
                {entry.done ? (
                  <span className="badge">Checked out</span>
                ) : entry.problem ? (
                  <span className="muted">— {entry.problem}</span>
                ) : (
                  <button
                    type="button"
                    className="link"
                    onClick={() => setList((current) => current.filter((_, position) => position !== index))}
                  >
                    Remove <span className="visually-hidden">{entry.label}</span>
                  </button>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
      <div aria-live="polite">{message ? <p className={`notice ${message.kind}`}>{message.text}</p> : null}</div>
      <div className="thumb-actions">
        <button type="submit" form="continuous-check-out" disabled={busy || pending.length === 0}>
          Check out {pending.length} {pending.length === 1 ? 'item' : 'items'}
        </button>
      </div>
    </div>
  );
}
