import { ActionButton } from '@/app/components/action-button';
import { byId, DataTable, type Column } from '@/app/components/data-table';
import { Time } from '@/app/components/time';
import type { PasskeySummary } from '@/lib/auth/passkeys';
import { removePasskeyAction } from './passkey-actions';

export function PasskeyTable({ passkeys }: { passkeys: PasskeySummary[] }) {
  const columns: Column<PasskeySummary>[] = [
    { key: 'name', header: 'Name', cell: (passkey) => passkey.name },
    { key: 'added', header: 'Added', priority: 'secondary', cell: (passkey) => <Time value={passkey.createdAt} /> },
    {
      key: 'last-used',
      header: 'Last used',
      cell: (passkey) => (passkey.lastUsedAt ? <Time value={passkey.lastUsedAt} relative /> : 'Never'),
    },
    {
      key: 'actions',
      header: <span className="skip-link">Actions</span>,
      cell: (passkey) => (
        <ActionButton
          action={removePasskeyAction}
          fields={{ passkeyId: passkey.id }}
          label="Remove"
          confirm={`Remove the passkey "${passkey.name}"? It will no longer sign you in.`}
          variant="danger"
        />
      ),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={passkeys}
      rowKey={byId}
      rowData={(passkey) => ({ 'data-passkey-id': passkey.id })}
      caption="Your passkeys"
      hideCaption
      empty="No passkeys yet."
    />
  );
}
