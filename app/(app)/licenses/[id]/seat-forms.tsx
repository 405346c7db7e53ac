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
 * field sent with it always agree. The radios are uncontrolled with their default kept in step,
 * so the form's reset after an action restores the same choice the picker shows.
 */
function SeatHolderFields({ initial }: { initial: Holder }) {
  const [holder, setHolder] = useState<Holder>(initial);
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
              defaultChecked={holder === choice.value}
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

/** The holder kind the last submission chose (kept after an error), else a user. */
function KeptSeatHolderFields() {
  const kept = useFormResult().values?.holder === 'asset' ? 'asset' : 'user';
  return <SeatHolderFields key={kept} initial={kept} />;
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
      <KeptSeatHolderFields />
    </ActionForm>
  );
}
