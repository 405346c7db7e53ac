import type { ActionState } from '@/lib/boundary/action-state';
import type { SessionSummary } from '@/lib/auth/session-store';
import { describeUserAgent, formatDateTime } from '@/lib/format';
import { ActionButton } from './action-button';
import { byId, DataTable, type Column } from './data-table';

type Props = {
  sessions: SessionSummary[];
  currentSessionId?: string;
  revokeAction: (state: ActionState, formData: FormData) => Promise<ActionState>;
  extraFields?: Record<string, string>;
};

export function SessionTable({ sessions, currentSessionId, revokeAction, extraFields = {} }: Props) {
  const columns: Column<SessionSummary>[] = [
    {
      key: 'browser',
      header: 'Browser',
      cell: (session) => (
        <>
          {describeUserAgent(session.userAgent)}
          {session.id === currentSessionId ? (
            <>
              {' '}
              <span className="tag">this session</span>
            </>
          ) : null}
        </>
      ),
    },
    { key: 'address', header: 'Address', cell: (session) => session.ipAddress ?? '—' },
    { key: 'signed-in', header: 'Signed in', cell: (session) => formatDateTime(session.createdAt) },
    { key: 'last-seen', header: 'Last seen', cell: (session) => formatDateTime(session.lastSeenAt) },
    {
      key: 'kind',
      header: 'Kind',
      cell: (session) =>
        session.persistent ? `Remembered until ${formatDateTime(session.expiresAt)}` : 'Until the browser closes',
    },
    {
      key: 'actions',
      header: <span className="skip-link">Actions</span>,
      cell: (session) => (
        <ActionButton
          action={revokeAction}
          fields={{ sessionId: session.id, ...extraFields }}
          label={session.id === currentSessionId ? 'Sign out' : 'Revoke'}
          confirm={
            session.id === currentSessionId
              ? 'Sign out of this session?'
              : 'Revoke this session? That browser will be signed out.'
          }
          variant="danger"
        />
      ),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={sessions}
      rowKey={byId}
      rowData={(session) => ({ 'data-session-id': session.id })}
      caption="Active sessions"
      hideCaption
      empty="No active sessions."
    />
  );
}
