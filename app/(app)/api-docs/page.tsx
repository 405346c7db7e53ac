import type { Metadata } from 'next';
import { Link } from '@/app/components/link';
import { PageHeader } from '@/app/components/page-header';
import { Panel } from '@/app/components/panel';
import { pageActor } from '@/lib/boundary/page';
import { getConfig } from '@/lib/config';
import { apiDocument } from '@/lib/openapi/api-document';
import { OperationEntry } from './operation';

export const metadata: Metadata = { title: 'JSON API' };

/** The OpenAPI document /api/openapi.json serves, readable: its addresses grouped by their first folder. */
export default async function ApiDocsPage() {
  await pageActor();
  const document = apiDocument();
  const byTag = document.tags.map(({ name }) => ({
    name,
    operations: Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, operation]) => operation.tags.includes(name))
        .map(([method, operation]) => ({ path, method, operation })),
    ),
  }));
  return (
    <>
      <PageHeader
        title="JSON API"
        more={[{ label: 'OpenAPI document (JSON)', href: `${getConfig().basePath}/api/openapi.json`, download: true }]}
      >
        <p className="muted">
          Every address of the JSON API, from the same schemas the server checks requests against. Scripts send{' '}
          <code>Authorization: Bearer &lt;token&gt;</code> with a token from{' '}
          <Link href="/account#api-tokens">your account</Link>; a browser uses its session. Each failure answers{' '}
          <code>{'{"error": {"code", "message", "fields"?}}'}</code>.
        </p>
      </PageHeader>
      {byTag.map(({ name, operations }) => (
        <Panel key={name} id={`api-${name}`} title={<code>/api/{name}</code>}>
          {operations.map(({ path, method, operation }) => (
            <OperationEntry key={operation.operationId} method={method} path={path} operation={operation} />
          ))}
        </Panel>
      ))}
    </>
  );
}
