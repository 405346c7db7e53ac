import { ApiTokenTable } from '@/app/components/api-token-table';
import { Link } from '@/app/components/link';
import { Panel } from '@/app/components/panel';
import type { ApiTokenSummary } from '@/lib/auth/api-tokens';
import { NewTokenForm } from './new-token-form';
import { revokeApiTokenAction } from './token-actions';

/** The account page's personal access tokens: make one (shown once), see when each was last used, revoke. */
export function ApiTokensPanel({ tokens }: { tokens: ApiTokenSummary[] }) {
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
