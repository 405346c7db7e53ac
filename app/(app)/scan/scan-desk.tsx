'use client';

import { useCallback, useState } from 'react';
import { CodeScanner } from '@/app/components/code-scanner';
import { Link } from '@/app/components/link';
import { assetStatusLabels } from '@/lib/assets/labels';
import { CheckInForm, CheckOutForm } from '../assets/[id]/assignment-forms';
import { CodeEntry } from './code-entry';
import { lookUpCode, type LookupAnswer } from './scanned-code';

/** Scan (or type) a code; the asset appears below with its actions within a thumb's reach. */
export function ScanDesk({ today }: { today: string }) {
  const [answer, setAnswer] = useState<LookupAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const [lastCode, setLastCode] = useState('');

  const lookUp = useCallback(async (code: string) => {
    setBusy(true);
    setLastCode(code);
    try {
      setAnswer(await lookUpCode(code));
    } finally {
      setBusy(false);
    }
  }, []);

  const onCode = useCallback((code: string) => void lookUp(code), [lookUp]);

  return (
    <div className="scan-desk">
      <CodeScanner onCode={onCode} />
      <CodeEntry onCode={onCode} busy={busy} />
      <div aria-live="polite">
        {answer && !answer.found ? (
          <p className="notice error">
            {lastCode}: {answer.message}
          </p>
        ) : null}
      </div>
      {answer?.found ? (
        <section className="panel scanned-asset" aria-labelledby="scanned-asset-title">
          <h2 id="scanned-asset-title">
            {answer.asset.assetTag} <span className="muted">{answer.asset.name}</span>
          </h2>
          <p>
            {assetStatusLabels[answer.asset.status]}
            {answer.asset.assignedTo ? `, checked out to ${answer.asset.assignedTo.displayName}` : ''}
          </p>
          <div className="thumb-actions">
            <Link className="button secondary" href={`/assets/${answer.asset.id}`}>
              Open asset
            </Link>
            <Link className="button secondary" href={`/tickets/new?asset=${answer.asset.id}`}>
              Report a problem
            </Link>
          </div>
          {answer.asset.assignedTo ? (
            <CheckInForm
              key={answer.asset.id}
              assetId={answer.asset.id}
              assetTag={answer.asset.assetTag}
              version={answer.asset.version}
              holder={answer.asset.assignedTo.displayName}
            />
          ) : (
            <CheckOutForm
              key={answer.asset.id}
              assetId={answer.asset.id}
              assetTag={answer.asset.assetTag}
              version={answer.asset.version}
              status={answer.asset.status}
              today={today}
            />
          )}
        </section>
      ) : null}
    </div>
  );
}
