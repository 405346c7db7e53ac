'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

/** Uploads to PUT /api/assets/[id]/image, which checks the bytes; shows its message when refused. */
export function ImageUpload({ uploadUrl, maxLabel }: { uploadUrl: string; maxLabel: string }) {
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
        <label htmlFor="field-image">Photo</label>
        <input
          id="field-image"
          name="image"
          type="file"
          accept="image/png,image/jpeg,image/webp"
          required
          aria-describedby="field-image-hint"
        />
        <span id="field-image-hint" className="hint">
          PNG, JPEG or WebP, at most {maxLabel}.
        </span>
      </div>
      <button type="submit" disabled={pending}>
        {pending ? 'Uploading…' : 'Upload image'}
      </button>
    </form>
  );
}
