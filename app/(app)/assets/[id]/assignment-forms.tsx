'use client';

import { useActionState } from 'react';
import { Field, FormMessage, SubmitButton } from '@/app/components/form';
import { idleState } from '@/lib/boundary/action-state';
import type { AssetHolder } from '@/lib/assets/queries';
import { checkInAction, checkOutAction } from '../actions';

export function CheckOutForm({
  assetId,
  version,
  users,
  today,
}: {
  assetId: string;
  version: number;
  users: AssetHolder[];
  today: string;
}) {
  const [state, formAction] = useActionState(checkOutAction, idleState);
  const userError = state.fieldErrors?.userId;
  return (
    <form action={formAction} className="stack" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="assetId" value={assetId} />
      <input type="hidden" name="version" value={version} />
      <div className="field">
        <label htmlFor="field-userId">Check out to</label>
        <select
          id="field-userId"
          name="userId"
          defaultValue={state.values?.userId ?? ''}
          key={state.values?.userId}
          aria-invalid={userError ? true : undefined}
          aria-describedby={userError ? 'field-userId-error' : undefined}
        >
          <option value="">Choose a user…</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.displayName} ({user.username})
            </option>
          ))}
        </select>
        {userError ? (
          <span id="field-userId-error" className="error">
            {userError}
          </span>
        ) : null}
      </div>
      <Field
        name="expectedReturn"
        label="Expected return (optional)"
        type="date"
        state={state}
        hint={`Today (${today}) or later.`}
      />
      <SubmitButton pendingText="Checking out…">Check out</SubmitButton>
    </form>
  );
}

export function CheckInForm({ assetId, version, holder }: { assetId: string; version: number; holder: string }) {
  const [state, formAction] = useActionState(checkInAction, idleState);
  return (
    <form
      action={formAction}
      className="stack"
      noValidate
      onSubmit={(event) => {
        if (!window.confirm(`Check this asset in from ${holder}?`)) event.preventDefault();
      }}
    >
      <FormMessage state={state} />
      <input type="hidden" name="assetId" value={assetId} />
      <input type="hidden" name="version" value={version} />
      <div className="field">
        <label htmlFor="field-checkin-status">Status after check-in</label>
        <select id="field-checkin-status" name="status" defaultValue="in_stock">
          <option value="in_stock">In stock</option>
          <option value="in_repair">In repair</option>
          <option value="retired">Retired</option>
          <option value="lost">Lost</option>
        </select>
      </div>
      <Field name="notes" label="Check-in notes (optional)" state={state} />
      <SubmitButton pendingText="Checking in…">Check in</SubmitButton>
    </form>
  );
}
