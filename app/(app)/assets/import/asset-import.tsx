'use client';

import { Link } from '@/app/components/link';
import { useRef, useState } from 'react';
// Types only: erased from the browser bundle, so the server module's code never ships.
import type { ImportProgress, ImportResult } from '@/lib/assets/csv-import';
import { formatCount } from '@/lib/format-count';

type StreamLine =
  ({ type: 'progress' } & ImportProgress) | ({ type: 'result' } & ImportResult) | { type: 'error'; message: string };

/** Sends the file as the request body and reads the route's NDJSON answer line by line, reporting progress as it comes. */
async function runImport(
  url: string,
  file: File,
  options: { mode: 'all' | 'valid-only'; dryRun: boolean },
  onProgress: (line: Extract<StreamLine, { type: 'progress' }>) => void,
): Promise<ImportResult> {
  const query = new URLSearchParams({ mode: options.mode, dryRun: String(options.dryRun), fileName: file.name });
  // Set explicitly: Windows often labels a .csv file as an Excel spreadsheet.
  const response = await fetch(`${url}?${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv' },
    body: file,
  });
  if (!response.ok || !response.body) {
    const failure = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(failure?.error?.message ?? `The import failed (HTTP ${response.status}).`);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = JSON.parse(buffer.slice(0, newline)) as StreamLine;
      buffer = buffer.slice(newline + 1);
      if (line.type === 'progress') onProgress(line);
      else if (line.type === 'result') return line;
      else throw new Error(line.message);
      newline = buffer.indexOf('\n');
    }
    if (done) throw new Error('The import stopped before it finished; nothing was changed.');
  }
}

export function AssetImport({ importUrl }: { importUrl: string }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<{ label: string; rows: number; bytes: number; size: number } | null>(null);
  const [report, setReport] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const busy = progress !== null;

  async function start(options: { mode: 'all' | 'valid-only'; dryRun: boolean }) {
    const chosen = options.dryRun ? fileInput.current?.files?.[0] : file;
    if (!chosen) {
      setFailure('Choose a CSV file first.');
      return;
    }
    setFile(chosen);
    setFailure(null);
    if (options.dryRun) setReport(null);
    const label = options.dryRun ? 'Checking' : 'Importing';
    setProgress({ label, rows: 0, bytes: 0, size: chosen.size });
    try {
      const result = await runImport(importUrl, chosen, options, (line) =>
        setProgress({ label, rows: line.rows, bytes: line.bytes, size: chosen.size }),
      );
      setReport(result);
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setProgress(null);
    }
  }

  // Each bad row has exactly one error, so the rest are the rows that would import.
  const validRows = report ? Math.max(report.total - report.errors.length, 0) : 0;
  return (
    <div className="stack">
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void start({ mode: 'all', dryRun: true });
        }}
      >
        <div className="field">
          <label htmlFor="import-file">CSV file</label>
          <input
            id="import-file"
            ref={fileInput}
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            onChange={() => setReport(null)}
          />
        </div>
        <button type="submit" disabled={busy}>
          Check the file
        </button>
      </form>
      <div aria-live="polite" role="status">
        {progress ? (
          <p>
            <label htmlFor="import-progress">
              {progress.label}… {progress.rows ? `${formatCount(progress.rows)} rows so far` : ''}
            </label>{' '}
            <progress
              id="import-progress"
              max={progress.size || undefined}
              value={progress.rows ? progress.bytes : undefined}
            />
          </p>
        ) : null}
        {failure ? <p className="notice error">{failure}</p> : null}
        {report?.notice ? <p className="notice">{report.notice}</p> : null}
        {report && report.applied ? (
          <p className="notice success">
            Import finished: {report.created} created, {report.updated} updated, {report.skipped} skipped.{' '}
            <Link href="/assets">See the assets</Link>
          </p>
        ) : null}
        {report && !report.applied && !report.dryRun ? (
          <p className="notice error">
            Nothing was imported: the file has errors. Fix them, or import only the valid rows.
          </p>
        ) : null}
        {report && report.dryRun ? (
          <p className="notice">
            Checked {report.total} rows: {report.created} would be created, {report.updated} updated
            {report.errors.length > 0
              ? `, ${report.errors.length} ${report.errors.length === 1 ? 'row has' : 'rows have'} errors`
              : ''}
            .
          </p>
        ) : null}
      </div>
      {report && report.errors.length > 0 ? (
        <section aria-labelledby="import-errors-title">
          <h3 id="import-errors-title">Rows with errors</h3>
          <ul>
            {report.errors.map((error) => (
              <li key={`${error.line}-${error.message}`}>
                line {error.line}: {error.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {/* One offer: everything when nothing would be skipped, else only the valid rows, by number. */}
      {report && !report.applied && file && (report.errors.length === 0 || validRows > 0) ? (
        <div className="toolbar">
          {report.errors.length === 0 ? (
            <button type="button" disabled={busy} onClick={() => void start({ mode: 'all', dryRun: false })}>
              Import
            </button>
          ) : (
            <button type="button" disabled={busy} onClick={() => void start({ mode: 'valid-only', dryRun: false })}>
              Import the {validRows} valid {validRows === 1 ? 'row' : 'rows'}
            </button>
          )}
        </div>
      ) : null}
    </div>
  );
}
