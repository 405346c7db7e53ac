'use client';

import type { ActionState } from '@/lib/boundary/action-state';

export function RoleSelect({ state, defaultRole }: { state: ActionState; defaultRole: string }) {
  const error = state.fieldErrors?.role;
  const value = state.values?.role ?? defaultRole;
  return (
    <div className="field">
      <label htmlFor="field-role">Role</label>
      <select id="field-role" name="role" defaultValue={value} key={value} aria-invalid={error ? true : undefined}>
        <option value="requester">Requester — opens tickets, sees their own</option>
        <option value="agent">Agent — IT staff</option>
        <option value="admin">Admin — everything, including users</option>
      </select>
      {error ? <span className="error">{error}</span> : null}
    </div>
  );
}
