'use client';

import { useState } from 'react';
import { ActionForm } from '@/app/components/action-form';
import { useFormResult } from '@/app/components/form-controls';
import { AssetPicker, UserPicker } from '@/app/components/pickers';
import { assignSeatAction } from '../actions';

type Holder = 'user' | 'asset';

const holderChoices: { value: Holder; label: string }[] = [
  { value: 'user', label: 'A user' },
  { value: 'asset', label: 'An asset' },
];

/**
 * Radio buttons choosing who gets the seat, and only the picker of that kind: the choice and the
 * field sent with it always agree.
 */
function SeatHolderFields() {
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
      {holder === 'user' ? <UserPicker name="userId" label="User" /> : <AssetPicker name="assetId" label="Asset" />}
    </>
  );
}

/** Gives a seat to an active user or to an asset, each found by searching; a full license says so instead. */
export function AssignSeatForm({ licenseId, seats, free }: { licenseId: string; seats: number; free: number }) {
  if (free <= 0) {
    return (
      <p className="notice" role="status">
        {seats === 1
          ? 'The one seat is taken — free it to assign it.'
          : `All ${seats} seats are taken — free one to assign it.`}
      </p>
    );
  }
  return (
    <ActionForm action={assignSeatAction} hidden={{ licenseId }} submit="Assign seat" pendingText="Assigning…">
      <SeatHolderFields />
    </ActionForm>
  );
}
