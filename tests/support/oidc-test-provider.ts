import http from 'node:http';
import { randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';
import { freePort } from './free-port';

// A real, certified OpenID provider (oidc-provider) on 127.0.0.1 for the single sign-on tests: one
// static client, test accounts with email, email_verified and groups, and a plain sign-in page of
// our own (oidc-provider's dev pages load web fonts from the internet, which tests must not reach).

export type TestAccount = { email?: string; email_verified?: boolean; name?: string; groups?: string[] };

export type TestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The OIDC_* settings that point the app at this provider. */
  env: Record<string, string>;
  close: () => Promise<void>;
};

const scopes = 'openid email profile groups';

const page = (
  body: string,
) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test provider</title></head>
<body><main><h1>Test provider</h1>${body}</main></body></html>`;

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

async function formBody(req: http.IncomingMessage): Promise<URLSearchParams> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return new URLSearchParams(text);
}

/** Starts the provider; `redirectUri` is the app's callback, `accounts` who may sign in (by username). */
export async function startTestProvider(options: {
  redirectUri: string;
  accounts: Record<string, TestAccount>;
}): Promise<TestProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'it-assets-manager';
  const clientSecret = randomBytes(24).toString('base64url');

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    findAccount(_ctx, id) {
      const account = options.accounts[id];
      const claims = { sub: id, preferred_username: id, ...account };
      return Promise.resolve(account ? { accountId: id, claims: () => Promise.resolve(claims) } : undefined);
    },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username'],
      groups: ['groups'],
    },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // A first-party client: no consent page, every scope it asks for is granted.
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope(scopes);
      await grant.save();
      return grant;
    },
  });
  const handle = provider.callback();

  async function interaction(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'POST') {
      const username = (await formBody(req)).get('username') ?? '';
      if (options.accounts[username]) {
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: username } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(
      page(`<form method="post" action="/interaction/${escape(details.uid)}">
  <label for="username">Username at the provider</label>
  <input id="username" name="username" autocomplete="off" required>
  <button type="submit">Sign in to the provider</button>
</form>`),
    );
  }

  const server = http.createServer((req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      interaction(req, res).catch((error: unknown) => {
        res.statusCode = 400;
        res.end(page(`<p>${escape(String(error))}</p>`));
      });
      return;
    }
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

  return {
    issuer,
    clientId,
    clientSecret,
    env: { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret, OIDC_SCOPES: scopes },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
