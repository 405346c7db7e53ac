'use client';

import { UserPicker } from '@/app/components/pickers';

/** The `userId` field: an active user, searched for by name or username. */
export function UserSelect({ label }: { label: string }) {
  return <UserPicker name="userId" label={label} />;
}
