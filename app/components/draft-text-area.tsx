'use client';

import { useEffect, useRef, type ComponentProps } from 'react';
import { draftAttribute, readDraft, saveDraft } from './drafts';

type Props = Omit<ComponentProps<'textarea'>, 'onInput'> & { draft: string };

/**
 * A textarea that keeps what is typed as a draft in this browser and, opened empty, brings the
 * draft back (after a reload, a failed send, or signing in again).
 */
export function DraftTextArea({ draft, ...props }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const control = ref.current;
    const kept = readDraft(draft);
    if (control && kept && control.value === '') control.value = kept;
  }, [draft]);
  return (
    <textarea
      {...props}
      ref={ref}
      {...{ [draftAttribute]: draft }}
      onInput={(event) => saveDraft(draft, event.currentTarget.value)}
    />
  );
}
