'use client';

import { useState } from 'react';
import { ActionForm } from '@/app/components/action-form';
import { ConfirmBeforeSubmit } from '@/app/components/confirm-before-submit';
import { Field } from '@/app/components/form';
import type { AssetStatus } from '@/lib/db/enums';
import { assetStatusLabels, needsCheckOutConfirmation } from '@/lib/assets/labels';
import { UserSelect } from '../../_components/user-select';
import { checkInAction, checkOutAction } from '../actions';

type Props = { assetId: string; assetTag: string; version: number };

/** Checking out an asset in repair, retired or lost asks first, and only then sends confirmUnavailable. */
export function CheckOutForm({
  assetId,
  assetTag,
  version,
  status,
  today,
}: Props & { status: AssetStatus; today: string }) {
  const [confirmed, setConfirmed] = useState(false);
  const unavailable = needsCheckOutConfirmation(status);
  return (
    <ConfirmBeforeSubmit
      question={unavailable ? `${assetTag} is ${assetStatusLabels[status]}. Check it out anyway?` : undefined}
      confirmLabel="Check out anyway"
      onConfirm={() => setConfirmed(true)}
    >
      <ActionForm action={checkOutAction} hidden={{ assetId, version }} submit="Check out" pendingText="Checking out…">
        {unavailable ? <p className="muted">This asset is {assetStatusLabels[status]}.</p> : null}
        <UserSelect label="Check out to" />
        <Field
          name="expectedReturn"
          label="Expected return (optional)"
          type="date"
          hint={`Today (${today}) or later.`}
        />
        {confirmed ? <input type="hidden" name="confirmUnavailable" value="true" /> : null}
      </ActionForm>
    </ConfirmBeforeSubmit>
  );
}

export function CheckInForm({ assetId, assetTag, version, holder }: Props & { holder: string }) {
  return (
    <ConfirmBeforeSubmit question={`Check in ${assetTag} from ${holder}?`} confirmLabel="Check in">
      <ActionForm action={checkInAction} hidden={{ assetId, version }} submit="Check in" pendingText="Checking in…">
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
    </ConfirmBeforeSubmit>
  );
}
