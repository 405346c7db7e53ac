'use client';

import { useActionState, useState } from 'react';
import { Field, FormMessage, SubmitButton } from '@/app/components/form';
import { idleState } from '@/lib/boundary/action-state';
import { assignSeatAction } from '../actions';

type Candidate = { id: string; username: string; displayName: string };

/** Gives a seat to an active user (picked from a list) or to an asset (by its tag). */
export function AssignSeatForm({
  licenseId,
  candidates,
  free,
}: {
  licenseId: string;
  candidates: Candidate[];
  free: number;
}) {
  const [state, formAction] = useActionState(assignSeatAction, idleState);
  const [holder, setHolder] = useState<'user' | 'asset'>(state.values?.holder === 'asset' ? 'asset' : 'user');
  const userError = state.fieldErrors?.userId;
  return (
    <form action={formAction} className="stack" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="licenseId" value={licenseId} />
      <fieldset className="inline-form">
        <legend>Assign to</legend>
        <label className="checkbox">
          <input
            type="radio"
            name="holder"
            value="user"
            checked={holder === 'user'}
            onChange={() => setHolder('user')}
          />{' '}
          A user
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name="holder"
            value="asset"
            checked={holder === 'asset'}
            onChange={() => setHolder('asset')}
          />{' '}
          An asset
        </label>
      </fieldset>
      {holder === 'user' ? (
        <div className="field">
          <label htmlFor="field-userId">User</label>
          <select
            id="field-userId"
            name="userId"
            defaultValue={state.values?.userId ?? ''}
            key={state.values?.userId ?? ''}
            aria-invalid={userError ? true : undefined}
            aria-describedby={userError ? 'field-userId-error' : undefined}
          >
            <option value="">Choose a user…</option>
            {candidates.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.displayName} ({candidate.username})
              </option>
            ))}
          </select>
          {userError ? (
            <span id="field-userId-error" className="error">
              {userError}
            </span>
          ) : null}
        </div>
      ) : (
        <Field name="assetTag" label="Asset tag" state={state} autoComplete="off" hint="For example LAP-0042." />
      )}
      <SubmitButton pendingText="Assigning…">Assign seat</SubmitButton>
      {free === 0 ? <p className="muted">All seats are in use.</p> : null}
    </form>
  );
}
