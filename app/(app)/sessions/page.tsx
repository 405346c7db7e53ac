import type { Metadata } from 'next';
import { ActionButton } from '@/app/components/action-button';
import { SessionTable } from '@/app/components/session-table';
import { listSessionsOf } from '@/lib/auth/user-sessions';
import { pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { revokeOtherSessionsAction, revokeOwnSessionAction } from './actions';

export const metadata: Metadata = { title: 'Your sessions' };

export default async function SessionsPage() {
  const actor = await pageActor();
  const sessions = await listSessionsOf(await getDb(), actor, actor.id);
  return (
    <>
      <h1>Your sessions</h1>
      <section className="panel">
        <p className="muted">
          Every browser or script signed in as you. Revoke any you do not recognise; it is signed out on its next
          request.
        </p>
        <SessionTable
          sessions={sessions}
          currentSessionId={actor.sessionId ?? undefined}
          revokeAction={revokeOwnSessionAction}
        />
        {/* Always shown, so its confirmation stays on screen after the other rows are gone. */}
        <ActionButton
          action={revokeOtherSessionsAction}
          fields={{}}
          label="Sign out everywhere else"
          confirm="Sign out all your other sessions?"
          variant="danger"
        />
      </section>
    </>
  );
}
