import type { ApiTokenSummary } from '@/lib/auth/api-tokens';
import type { ActionState } from '@/lib/boundary/action-state';
import { ActionButton } from './action-button';
import { byId, DataTable, type Column } from './data-table';
import { Time } from './time';

type Props = {
  tokens: ApiTokenSummary[];
  revokeAction: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** The owner column, for the admin list of everyone's tokens. */
  showOwner?: boolean;
  now: Date;
};

/** API tokens with when they were last used and a revoke button each; never the token itself. */
export function ApiTokenTable({ tokens, revokeAction, showOwner = false, now }: Props) {
  const columns: Column<ApiTokenSummary>[] = [
    { key: 'name', header: 'Name', rowHeader: true, cell: (token) => token.name },
    ...(showOwner ? [{ key: 'owner', header: 'Owner', cell: (token: ApiTokenSummary) => token.owner.username }] : []),
    { key: 'prefix', priority: 'secondary', header: 'Starts with', cell: (token) => <code>{token.prefix}</code> },
    { key: 'scope', header: 'Scope', cell: (token) => token.scope },
    {
      key: 'last-used',
      header: 'Last used',
      cell: (token) =>
        token.lastUsedAt ? (
          <>
            <Time value={token.lastUsedAt} relative />
            {token.lastUsedIp ? <span className="muted"> from {token.lastUsedIp}</span> : null}
          </>
        ) : (
          'Never'
        ),
    },
    {
      key: 'expires',
      header: 'Expires',
      cell: (token) =>
        token.expiresAt <= now ? <span className="tag off">expired</span> : <Time value={token.expiresAt} />,
    },
    {
      key: 'actions',
      header: <span className="skip-link">Actions</span>,
      cell: (token) => (
        <ActionButton
          action={revokeAction}
          fields={{ tokenId: token.id }}
          label="Revoke"
          confirm={`Revoke “${token.name}”? Scripts using it are refused from their next request.`}
          variant="danger"
        />
      ),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={tokens}
      rowKey={byId}
      rowData={(token) => ({ 'data-token-id': token.id })}
      caption="API tokens"
      hideCaption
      empty="No API tokens."
    />
  );
}
