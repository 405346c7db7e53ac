import type { ActionState } from '@/lib/actions/action-state';
import type { SessionSummary } from '@/lib/auth/session-store';
import { describeUserAgent, formatDateTime } from '@/lib/format';
import { ActionButton } from './action-button';

type Props = {
  sessions: SessionSummary[];
  currentSessionId?: string;
  revokeAction: (state: ActionState, formData: FormData) => Promise<ActionState>;
  extraFields?: Record<string, string>;
};

export function SessionTable({ sessions, currentSessionId, revokeAction, extraFields = {} }: Props) {
  if (sessions.length === 0) return <p className="empty">No active sessions.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="skip-link">Active sessions</caption>
        <thead>
          <tr>
            <th scope="col">Browser</th>
            <th scope="col">Address</th>
            <th scope="col">Signed in</th>
            <th scope="col">Last seen</th>
            <th scope="col">Kind</th>
            <th scope="col">
              <span className="skip-link">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id} data-session-id={session.id}>
              <td>
                {describeUserAgent(session.userAgent)}
                {session.id === currentSessionId ? (
                  <>
                    {' '}
                    <span className="tag">this session</span>
                  </>
                ) : null}
              </td>
              <td>{session.ipAddress ?? '—'}</td>
              <td>{formatDateTime(session.createdAt)}</td>
              <td>{formatDateTime(session.lastSeenAt)}</td>
              <td>{session.persistent ? `Remembered until ${formatDateTime(session.expiresAt)}` : 'Until the browser closes'}</td>
              <td>
                <ActionButton
                  action={revokeAction}
                  fields={{ sessionId: session.id, ...extraFields }}
                  label={session.id === currentSessionId ? 'Sign out' : 'Revoke'}
                  confirm={session.id === currentSessionId ? 'Sign out of this session?' : 'Revoke this session? That browser will be signed out.'}
                  variant="danger"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
