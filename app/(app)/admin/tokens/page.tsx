import type { Metadata } from 'next';
import { ApiTokenTable } from '@/app/components/api-token-table';
import { PageHeader } from '@/app/components/page-header';
import { Panel } from '@/app/components/panel';
import { adminRoles } from '@/lib/actor';
import { listApiTokens } from '@/lib/auth/api-tokens';
import { pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { formatCount } from '@/lib/format-count';
import { revokeApiTokenAction } from '../../account/token-actions';

export const metadata: Metadata = { title: 'API tokens' };

export default async function AdminTokensPage() {
  const actor = await pageActor(adminRoles);
  const tokens = await listApiTokens(await getDb(), actor, { all: true });
  return (
    <>
      <PageHeader title="API tokens">
        <p className="muted">
          Every user&apos;s personal access tokens that are not revoked. Revoking one refuses it from its next request;
          each use from a new address is in the audit log.
        </p>
      </PageHeader>
      <Panel id="all-tokens" title={`Tokens (${formatCount(tokens.length)})`}>
        <ApiTokenTable tokens={tokens} revokeAction={revokeApiTokenAction} showOwner now={new Date()} />
      </Panel>
    </>
  );
}
