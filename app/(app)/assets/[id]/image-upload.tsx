'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

/** Uploads to PUT /api/assets/[id]/image, which checks the bytes; shows its message when refused. */
/** `kind` words it for another image than an asset's photo (the labels' logo, PNG or JPEG only). */
export function ImageUpload({
  uploadUrl,
  maxLabel,
  kind = { label: 'Photo', types: ['PNG', 'JPEG', 'WebP'] },
}: {
  uploadUrl: string;
  maxLabel: string;
  kind?: { label: string; types: ('PNG' | 'JPEG' | 'WebP')[] };
}) {
  const router = useRouter();
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function upload(form: HTMLFormElement) {
    setPending(true);
    setMessage(null);
    try {
      const response = await fetch(uploadUrl, { method: 'PUT', body: new FormData(form) });
      if (response.ok) {
        setMessage({ kind: 'success', text: 'Image saved.' });
        form.reset();
        router.refresh();
      } else {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        setMessage({ kind: 'error', text: body?.error?.message ?? `The upload failed (HTTP ${response.status}).` });
      }
    } catch {
      setMessage({ kind: 'error', text: 'The upload failed: the server could not be reached.' });
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        void upload(event.currentTarget);
      }}
    >
      <div aria-live="polite" role="status">
        {message ? <p className={`notice ${message.kind}`}>{message.text}</p> : null}
      </div>
      <div className="field">
        <label htmlFor="field-image">{kind.label}</label>
        <input
          id="field-image"
          name="image"
          type="file"
          accept={kind.types.map((type) => `image/${type.toLowerCase()}`).join(',')}
          required
          aria-describedby="field-image-hint"
        />
        <span id="field-image-hint" className="hint">
          {kind.types.slice(0, -1).join(', ')} or {kind.types.at(-1)}, at most {maxLabel}.
        </span>
      </div>
      <button type="submit" disabled={pending}>
        {pending ? 'Uploading…' : 'Upload image'}
      </button>
    </form>
  );
}
