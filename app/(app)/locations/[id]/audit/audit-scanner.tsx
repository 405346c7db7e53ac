'use client';

import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import { ActionForm } from '@/app/components/action-form';
import { CodeScanner } from '@/app/components/code-scanner';
import { codeToLookup } from '@/lib/assets/scan-codes';
import { saveLocationAuditAction } from '../../actions';

export type ExpectedAsset = { assetTag: string; name: string };

type Props = {
  locationId: string;
  expected: ExpectedAsset[];
};

/**
 * Audit mode: each tag typed (or sent by a keyboard-wedge scanner, which types it and presses
 * Enter) or read by the camera (a label's QR code gives its tag) lands in onScanned. Found and missing are known here from the
 * expected list; where an unexpected asset is recorded is said by the saved report.
 */
export function AuditScanner({ locationId, expected }: Props) {
  const [scanned, setScanned] = useState<string[]>([]);
  const [last, setLast] = useState<string | null>(null);
  const expectedByTag = useMemo(
    () => new Map(expected.map((asset) => [asset.assetTag.toLowerCase(), asset])),
    [expected],
  );

  const onScanned = useCallback((text: string) => {
    const tag = text.trim();
    if (!tag) return;
    setLast(tag);
    setScanned((tags) => (tags.some((known) => known.toLowerCase() === tag.toLowerCase()) ? tags : [...tags, tag]));
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    onScanned(codeToLookup(event.currentTarget.value).tag);
    event.currentTarget.value = '';
  };

  const seen = new Set(scanned.map((tag) => tag.toLowerCase()));
  const found = scanned.filter((tag) => expectedByTag.has(tag.toLowerCase()));
  const unexpected = scanned.filter((tag) => !expectedByTag.has(tag.toLowerCase()));
  const missing = expected.filter((asset) => !seen.has(asset.assetTag.toLowerCase()));

  return (
    <>
      <div className="field">
        <label htmlFor="scan-tag">Asset tag</label>
        <input
          id="scan-tag"
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          enterKeyHint="next"
          onKeyDown={onKeyDown}
          aria-describedby="scan-tag-hint"
          autoFocus
        />
        <span id="scan-tag-hint" className="hint">
          Type or scan a tag and press Enter; the field is ready for the next one.
        </span>
      </div>
      <CodeScanner onCode={(code) => onScanned(codeToLookup(code).tag)} />
      <p role="status" aria-live="polite" className="muted">
        {last ? `Scanned ${last}. ` : ''}
        {scanned.length} scanned: {found.length} found, {unexpected.length} unexpected, {missing.length} missing.
      </p>
      <div className="grid-2">
        <section aria-labelledby="found-heading">
          <h2 id="found-heading">Found ({found.length})</h2>
          <ul>
            {found.map((tag) => (
              <li key={tag}>
                {expectedByTag.get(tag.toLowerCase())?.assetTag} {expectedByTag.get(tag.toLowerCase())?.name}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="unexpected-heading">
          <h2 id="unexpected-heading">Unexpected ({unexpected.length})</h2>
          <p className="hint">
            Scanned here but recorded elsewhere, or no asset&apos;s tag; the saved report says which.
          </p>
          <ul>
            {unexpected.map((tag) => (
              <li key={tag}>{tag}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="missing-heading">
          <h2 id="missing-heading">Missing ({missing.length})</h2>
          <ul>
            {missing.map((asset) => (
              <li key={asset.assetTag}>
                {asset.assetTag} {asset.name}
              </li>
            ))}
          </ul>
        </section>
      </div>
      <ActionForm
        action={saveLocationAuditAction}
        hidden={{ locationId, tags: scanned.join('\n') }}
        submit="Save audit"
        pendingText="Saving…"
      >
        <p className="muted">Saving records each scanned asset as last seen here, today, by you.</p>
      </ActionForm>
    </>
  );
}
