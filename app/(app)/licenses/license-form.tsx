'use client';

import { ActionForm } from '@/app/components/action-form';
import { Field } from '@/app/components/form';
import { TextAreaField } from '@/app/components/form-controls';
import { createLicenseAction, updateLicenseAction } from './actions';

export type LicenseFormValues = {
  id: string;
  version: number;
  name: string;
  vendor: string | null;
  seats: number;
  expiresAt: string | null;
  notes: string | null;
  used: number;
};

/** Create (no `license`) or edit a license. */
export function LicenseForm({ license }: { license?: LicenseFormValues }) {
  return (
    <ActionForm
      action={license ? updateLicenseAction : createLicenseAction}
      hidden={license ? { licenseId: license.id, version: license.version } : undefined}
      submit={license ? 'Save changes' : 'Create license'}
      pendingText="Saving…"
      autoFocus={!license}
    >
      <Field name="name" label="Name" required defaultValue={license?.name} autoComplete="off" />
      <Field name="vendor" label="Vendor" defaultValue={license?.vendor ?? ''} autoComplete="off" />
      <Field
        name="seats"
        label="Seats"
        type="number"
        required
        defaultValue={license ? String(license.seats) : '1'}
        hint={
          license
            ? `${license.used} in use; the total cannot go below that.`
            : 'How many users or assets may hold this license.'
        }
      />
      <Field
        name="expiresAt"
        label="Expires on"
        type="date"
        defaultValue={license?.expiresAt ?? ''}
        hint="Leave empty for a perpetual license."
      />
      <Field
        name="productKey"
        label={license ? 'New product key' : 'Product key'}
        autoComplete="off"
        hint={
          license ? 'Leave empty to keep the current key.' : 'Shown masked; revealing it is recorded in the audit log.'
        }
      />
      <TextAreaField name="notes" label="Notes" defaultValue={license?.notes ?? ''} rows={2} />
    </ActionForm>
  );
}
