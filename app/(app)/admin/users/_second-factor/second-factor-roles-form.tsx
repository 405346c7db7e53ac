'use client';

import { ActionForm } from '@/app/components/action-form';
import type { UserRole } from '@/lib/db/schema';
import { saveSecondFactorRolesAction } from './actions';

const roleLabels: Record<UserRole, string> = { admin: 'Admins', agent: 'Agents', requester: 'Requesters' };

/** The roles that must set up a second factor before they can do anything else. */
export function SecondFactorRolesForm({ required }: { required: UserRole[] }) {
  return (
    <ActionForm action={saveSecondFactorRolesAction} submit="Save" pendingText="Saving…">
      <fieldset className="stack">
        <legend>Require two-factor sign-in for…</legend>
        {(Object.keys(roleLabels) as UserRole[]).map((role) => (
          <div className="checkbox" key={role}>
            <input id={`require-2fa-${role}`} type="checkbox" name={role} defaultChecked={required.includes(role)} />
            <label htmlFor={`require-2fa-${role}`}>{roleLabels[role]}</label>
          </div>
        ))}
      </fieldset>
      <p className="muted">
        Those users are sent to set up an authenticator app and can do nothing else until they have.
      </p>
    </ActionForm>
  );
}
