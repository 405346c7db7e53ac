'use client';

import { ActionForm } from '@/app/components/action-form';
import { Field } from '@/app/components/form';
import { UserSelect } from '../../_components/user-select';
import { checkInAction, checkOutAction } from '../actions';

type Props = { assetId: string; version: number };

export function CheckOutForm({ assetId, version, today }: Props & { today: string }) {
  return (
    <ActionForm action={checkOutAction} hidden={{ assetId, version }} submit="Check out" pendingText="Checking out…">
      <UserSelect label="Check out to" />
      <Field name="expectedReturn" label="Expected return (optional)" type="date" hint={`Today (${today}) or later.`} />
    </ActionForm>
  );
}

export function CheckInForm({ assetId, version, holder }: Props & { holder: string }) {
  return (
    <ActionForm
      action={checkInAction}
      hidden={{ assetId, version }}
      submit="Check in"
      pendingText="Checking in…"
      confirm={`Check this asset in from ${holder}?`}
    >
      <div className="field">
        <label htmlFor="field-checkin-status">Status after check-in</label>
        <select id="field-checkin-status" name="status" defaultValue="in_stock">
          <option value="in_stock">In stock</option>
          <option value="in_repair">In repair</option>
          <option value="retired">Retired</option>
          <option value="lost">Lost</option>
        </select>
      </div>
      <Field name="notes" label="Check-in notes (optional)" />
    </ActionForm>
  );
}
