'use client';

import { useState } from 'react';
import { ActionForm } from '@/app/components/action-form';
import { Field } from '@/app/components/form';
import { useFormResult } from '@/app/components/form-controls';
import { UserSelect } from '../../_components/user-select';
import { assignSeatAction } from '../actions';

type Candidate = { id: string; username: string; displayName: string };
type Holder = 'user' | 'asset';

const holderChoices: { value: Holder; label: string }[] = [
  { value: 'user', label: 'A user' },
  { value: 'asset', label: 'An asset' },
];

/** Radio buttons choosing who gets the seat, and the one field that names them. */
function SeatHolderFields({ candidates }: { candidates: Candidate[] }) {
  const kept = useFormResult().values?.holder;
  const [holder, setHolder] = useState<Holder>(kept === 'asset' ? 'asset' : 'user');
  return (
    <>
      <fieldset className="inline-form">
        <legend>Assign to</legend>
        {holderChoices.map((choice) => (
          <label key={choice.value} className="checkbox">
            <input
              type="radio"
              name="holder"
              value={choice.value}
              checked={holder === choice.value}
              onChange={() => setHolder(choice.value)}
            />{' '}
            {choice.label}
          </label>
        ))}
      </fieldset>
      {holder === 'user' ? (
        <UserSelect label="User" users={candidates} />
      ) : (
        <Field name="assetTag" label="Asset tag" autoComplete="off" hint="For example LAP-0042." />
      )}
    </>
  );
}

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
  return (
    <ActionForm
      action={assignSeatAction}
      hidden={{ licenseId }}
      submit="Assign seat"
      pendingText="Assigning…"
      after={free === 0 ? <p className="muted">All seats are in use.</p> : null}
    >
      <SeatHolderFields candidates={candidates} />
    </ActionForm>
  );
}
