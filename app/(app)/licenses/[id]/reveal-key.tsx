'use client';

import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/app/components/form';
import { idleState } from '@/lib/boundary/action-state';
import { revealKeyAction } from '../actions';

/** The masked key; "Reveal" fetches the full key from the server, which records that it was read. */
export function ProductKey({ licenseId, masked }: { licenseId: string; masked: string | null }) {
  const [state, formAction] = useActionState(revealKeyAction, idleState);
  if (!masked) return <span className="muted">None</span>;
  const revealed = state.values?.productKey;
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="licenseId" value={licenseId} />
      <code data-testid="product-key">{revealed ?? masked}</code>
      {revealed ? null : (
        <SubmitButton className="secondary" pendingText="Revealing…">
          Reveal
        </SubmitButton>
      )}
      <FormMessage state={state} />
    </form>
  );
}
