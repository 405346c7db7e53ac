'use client';

import { SelectField } from '@/app/components/form-controls';

const roleOptions = [
  { value: 'requester', label: 'Requester — opens tickets, sees their own' },
  { value: 'agent', label: 'Agent — IT staff' },
  { value: 'admin', label: 'Admin — everything, including users' },
];

export function RoleSelect({ defaultRole }: { defaultRole: string }) {
  return <SelectField name="role" label="Role" defaultValue={defaultRole} options={roleOptions} />;
}
