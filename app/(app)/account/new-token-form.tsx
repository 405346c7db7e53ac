'use client';

import { useState } from 'react';
import { ActionForm } from '@/app/components/action-form';
import { Field } from '@/app/components/form';
import { SelectField, useFormResult } from '@/app/components/form-controls';
import { createApiTokenAction } from './token-actions';

/** The token just made, shown once with a button that copies it. */
function NewToken() {
  const { status, values } = useFormResult();
  const [copied, setCopied] = useState<string | null>(null);
  const token = status === 'success' ? values?.token : undefined;
  if (!token) return null;
  const copy = async () => {
    await navigator.clipboard.writeText(token);
    setCopied(token);
  };
  return (
    <div className="new-token">
      <p>
        <strong>Your new token</strong> (shown only now):
      </p>
      <code className="token-text" data-testid="new-token">
        {token}
      </code>
      <button type="button" className="secondary" onClick={() => void copy()}>
        {copied === token ? 'Copied' : 'Copy token'}
      </button>
      <span className="skip-link" aria-live="polite">
        {copied === token ? 'Token copied to the clipboard.' : ''}
      </span>
    </div>
  );
}

export function NewTokenForm() {
  return (
    <ActionForm action={createApiTokenAction} submit="Create token" pendingText="Creating…">
      <NewToken />
      <Field idPrefix="token" name="name" label="Name" hint='What uses it, e.g. "Inventory script".' required />
      <SelectField
        idPrefix="token"
        name="scope"
        label="Scope"
        defaultValue="read"
        options={[
          { value: 'read', label: 'Read: look things up only' },
          { value: 'write', label: 'Write: read and change, as you can' },
        ]}
      />
      <Field
        idPrefix="token"
        name="expiresInDays"
        label="Expires after (days)"
        type="number"
        defaultValue="90"
        hint="1 to 365."
      />
    </ActionForm>
  );
}
