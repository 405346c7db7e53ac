import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { DataTable } from '@/app/components/data-table';
import { Panel } from '@/app/components/panel';
import { Fact, Facts } from '@/app/components/facts';
import { adminRoles } from '@/lib/actor';
import { sessionCookie } from '@/lib/auth/session-cookie';
import { pageActor } from '@/lib/boundary/page';
import { requestInfo } from '@/lib/boundary/request';
import { getConfig, type AppConfig } from '@/lib/config';
import { isDatabaseAvailable } from '@/lib/db/availability';
import { getDatabaseHandle } from '@/lib/db/client';
import { migrationStatus } from '@/lib/db/migration-status';
import { smtpServerLabel } from '@/lib/mail/outgoing/transport';

export const metadata: Metadata = { title: 'Diagnostics' };

// What this server sees for the current request: the first place to look when cookies are not
// saved behind a proxy. Shows header names and values the proxy sent, never cookies or secrets.
const forwardedHeaderNames = [
  'host',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-for',
  'x-request-id',
  'user-agent',
];

/** The cookie a "Remember me" sign-in would get now; its value is never shown, so none is made. */
function rememberedSessionCookie(config: AppConfig, protocol: string) {
  return sessionCookie(config, protocol, '', true, Math.floor(Date.now() / 1000) + config.session.ttlSeconds);
}

export default async function DiagnosticsPage() {
  await pageActor(adminRoles);
  const config = getConfig();
  const request = await requestInfo();
  const incoming = await headers();
  const handle = await getDatabaseHandle();
  const migrations = await migrationStatus(handle.db);
  const cookie = rememberedSessionCookie(config, request.protocol);

  const rows: [string, string][] = [
    ['Scheme the app sees', request.protocol],
    ['Host the app sees', request.host],
    ['Client address', request.ipAddress],
    ['Base path', config.basePath || '/ (site root)'],
    [
      'Trusted proxies (TRUST_PROXY)',
      config.trustProxy.mode === 'list' ? config.trustProxy.description : config.trustProxy.mode,
    ],
    ['COOKIE_SECURE', config.cookieSecure],
    ['Instance (process id)', String(process.pid)],
    ['Node.js', process.version],
    ['Database', handle.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`],
    ['Database reachable', isDatabaseAvailable() ? 'yes' : 'no'],
    [
      'Migrations',
      migrations.current ? `all ${migrations.expected.length} applied` : `pending: ${migrations.pending.join(', ')}`,
    ],
    [
      'Session secrets',
      `${config.session.secrets.length} (from ${config.session.secretSource === 'environment' ? 'SESSION_SECRET' : 'the data directory'})`,
    ],
    ['Session lifetime / idle timeout', `${config.session.ttlSeconds} s / ${config.session.idleTimeoutSeconds} s`],
    [
      'Outgoing mail (SMTP_URL)',
      config.mail.smtpUrl ? `on: ${smtpServerLabel(config.mail.smtpUrl)}, from ${config.mail.from}` : 'off',
    ],
  ];

  return (
    <>
      <h1>Diagnostics</h1>
      <div className="grid-2">
        <Panel id="server" title="This request and this instance">
          <Facts data-testid="diagnostics">
            {rows.map(([label, value]) => (
              <Fact key={label} term={label}>
                {value}
              </Fact>
            ))}
          </Facts>
        </Panel>
        <Panel id="cookie" title="The session cookie it would set">
          <Facts>
            <Fact term="Name">{cookie.name}</Fact>
            <Fact term="Path">{cookie.options.path}</Fact>
            <Fact term="Secure">{cookie.options.secure ? 'yes' : 'no'}</Fact>
            <Fact term="HttpOnly">yes</Fact>
            <Fact term="SameSite">Lax</Fact>
            <Fact term="Max-Age with “Remember me”">{cookie.options.maxAge} s</Fact>
          </Facts>
          <h2>Forwarded headers received</h2>
          <DataTable
            columns={[
              { key: 'header', header: 'Header', cell: (name) => name },
              { key: 'value', header: 'Value', cell: (name) => incoming.get(name) ?? '—' },
            ]}
            rows={forwardedHeaderNames}
            rowKey={(name) => name}
          />
          <p className="muted">
            X-Forwarded-* are rewritten by the app&apos;s server: they show what a trusted proxy said, or the connection
            itself.
          </p>
        </Panel>
      </div>
    </>
  );
}
