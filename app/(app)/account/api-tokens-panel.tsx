import { ApiTokenTable } from '@/app/components/api-token-table';
import { Link } from '@/app/components/link';
import { Panel } from '@/app/components/panel';
import type { Actor } from '@/lib/actor';
import { listApiTokens } from '@/lib/auth/api-tokens';
import { getDb } from '@/lib/db/client';
import { NewTokenForm } from './new-token-form';
import { revokeApiTokenAction } from './token-actions';

/** The account page's personal access tokens: make one (shown once), see when each was last used, revoke. */
export async function ApiTokensPanel({ actor }: { actor: Actor }) {
  const tokens = await listApiTokens(await getDb(), actor);
  return (
    <Panel id="api-tokens" title="API tokens">
      <p className="muted">
        For scripts using the JSON API: send <code>Authorization: Bearer &lt;token&gt;</code>. A token acts as you, with
        your role; a read token can only look things up. Revoke any you no longer use. Every address is described on{' '}
        <Link href="/api-docs">JSON API</Link>.
      </p>
      <ApiTokenTable tokens={tokens} revokeAction={revokeApiTokenAction} now={new Date()} />
      <h3>New token</h3>
      <NewTokenForm />
    </Panel>
  );
}
