'use client';

import { SelectField } from '@/app/components/form-controls';

type Person = { id: string; username: string; displayName: string };

/** The `userId` field: one of `users`, shown as "Name (username)", with no one chosen at first. */
export function UserSelect({ label, users }: { label: string; users: readonly Person[] }) {
  return (
    <SelectField
      name="userId"
      label={label}
      options={[
        { value: '', label: 'Choose a user…' },
        ...users.map((user) => ({ value: user.id, label: `${user.displayName} (${user.username})` })),
      ]}
    />
  );
}
