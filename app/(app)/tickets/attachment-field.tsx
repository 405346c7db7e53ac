'use client';

import { useState, type ChangeEvent } from 'react';
import { describedBy, Feedback, useFormResult } from '@/app/components/form-controls';

export type AttachmentLimits = { maxBytes: number; maxFiles: number };

// The wording of sizeLimitText in lib/tickets/attachments.ts, which this client code cannot import.
const sizeLimitText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.floor(bytes / 1024 / 1024)} MB` : `${Math.floor(bytes / 1024)} kB`;

/** What is wrong with the chosen files, checked before they are sent (the server checks again). */
function problemWith(files: FileList, { maxBytes, maxFiles }: AttachmentLimits): string | null {
  if (files.length > maxFiles) return `Attach at most ${maxFiles} files at a time.`;
  const tooLarge = Array.from(files).find((file) => file.size > maxBytes);
  return tooLarge ? `${tooLarge.name} is larger than ${sizeLimitText(maxBytes)}.` : null;
}

/**
 * The file input of a ticket or comment form. Files that break the limits are taken out of the
 * input at once, with the reason beside it, so a form is never sent with more than the server takes.
 */
export function AttachmentField({ limits, idPrefix = 'field' }: { limits: AttachmentLimits; idPrefix?: string }) {
  const name = 'attachments';
  const id = `${idPrefix}-${name}`;
  const serverError = useFormResult().fieldErrors?.[name];
  const [localError, setLocalError] = useState<string | null>(null);
  const error = localError ?? serverError;
  const hint = `Up to ${limits.maxFiles} files, each at most ${sizeLimitText(limits.maxBytes)}.`;

  const check = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const problem = input.files ? problemWith(input.files, limits) : null;
    if (problem) input.value = '';
    setLocalError(problem);
  };

  return (
    <div className="field">
      <label htmlFor={id}>Attachments</label>
      <input
        id={id}
        name={name}
        type="file"
        multiple
        onChange={check}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <Feedback id={id} hint={hint} error={error} />
    </div>
  );
}
