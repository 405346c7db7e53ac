import { fail, pass, warn, type CheckResult } from './report';
import { parseSetCookie } from './set-cookie';

const cookieName = 'ticketing_session';
// Enough requests to reach every instance of a small cluster behind a round-robin proxy.
const meRequests = 8;

type Fetch = typeof fetch;

/** What a refused sign-in most likely means, by status. */
const signInHints: Record<number, string> = {
  401: 'The username or password is wrong (DOCTOR_USERNAME/DOCTOR_PASSWORD).',
  429: 'Too many failed sign-ins for this account or address: wait and retry.',
};

/**
 * Signs in to a running deployment the way a browser would and checks what comes back: the
 * cookie's attributes against the URL, the session on every instance, and logout.
 */
export async function checkDeployment(
  baseUrl: string,
  credentials: { username: string; password: string },
  fetchImpl: Fetch = fetch,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  const basePath = base.pathname.replace(/\/+$/, '') || '/';
  const https = base.protocol === 'https:';
  const at = (path: string) => new URL(path, base).toString();

  let loginPage: Response;
  try {
    loginPage = await fetchImpl(at('login'), { redirect: 'manual' });
  } catch (error) {
    results.push(
      fail(
        'reach',
        `cannot reach ${at('login')}: ${describeCause(error)}`,
        'Check the address, DNS, the proxy and that the app is running (pm2 status).',
      ),
    );
    return results;
  }
  if (loginPage.status === 404) {
    results.push(
      fail(
        'login page',
        `${at('login')} answered 404`,
        `Nothing serves the app under "${basePath}": the proxy location or the app's BASE_PATH (fixed at build time) differs from this path.`,
      ),
    );
    return results;
  }
  if (loginPage.status >= 500) {
    results.push(
      fail(
        'login page',
        `answered ${loginPage.status}`,
        loginPage.status === 503
          ? 'The app cannot reach its database (see /api/health/ready).'
          : 'The app or the proxy failed: see pm2 logs.',
      ),
    );
    return results;
  }
  results.push(pass('login page', `answered ${loginPage.status}`));

  const login = await fetchImpl(at('api/auth/login'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...credentials, remember: false }),
  });
  if (!login.ok) {
    const hint =
      signInHints[login.status] ?? 'The sign-in request failed; see the app logs (pm2 logs it-assets-manager).';
    results.push(fail('sign-in', `answered ${login.status}`, hint));
    return results;
  }
  const setCookies = login.headers
    .getSetCookie()
    .map(parseSetCookie)
    .filter((cookie) => cookie.name === cookieName);
  if (setCookies.length !== 1) {
    results.push(
      fail(
        'cookie',
        `expected one ${cookieName} cookie, got ${setCookies.length}`,
        'The proxy may strip Set-Cookie, or another layer sets a cookie of the same name.',
      ),
    );
    return results;
  }
  const cookie = setCookies[0];
  results.push(pass('sign-in', 'answered 200 with a session cookie'));
  results.push(
    cookie.path === basePath
      ? pass('cookie Path', cookie.path)
      : fail(
          'cookie Path',
          `"${cookie.path}" but the app is served under "${basePath}"`,
          "The cookie path differs from the base path: the browser will not send it back. Build the app with BASE_PATH set to the proxy's sub-path.",
        ),
  );
  if (https && !cookie.secure) {
    results.push(
      fail(
        'cookie Secure',
        'missing over HTTPS',
        'The proxy does not forward the scheme, or the app does not trust it: add `proxy_set_header X-Forwarded-Proto $scheme;` to nginx and set TRUST_PROXY to the proxy address (or COOKIE_SECURE=true).',
      ),
    );
  } else if (!https && cookie.secure) {
    results.push(
      fail(
        'cookie Secure',
        'set over plain HTTP',
        'A Secure cookie over http:// is never sent back, so every request looks signed out: serve the site over HTTPS, or set COOKIE_SECURE=auto.',
      ),
    );
  } else results.push(pass('cookie Secure', cookie.secure ? 'set (HTTPS)' : 'not set (plain HTTP)'));
  results.push(
    cookie.httpOnly
      ? pass('cookie HttpOnly', 'set')
      : fail(
          'cookie HttpOnly',
          'missing',
          'Scripts could read the session cookie: something rewrites the cookie between the app and the browser.',
        ),
  );
  results.push(
    cookie.sameSite?.toLowerCase() === 'lax'
      ? pass('cookie SameSite', 'Lax')
      : fail(
          'cookie SameSite',
          `"${cookie.sameSite ?? 'missing'}"`,
          'Expected SameSite=Lax: something rewrites the cookie between the app and the browser.',
        ),
  );

  const sessionHeader = { cookie: `${cookieName}=${cookie.value}` };
  const statuses: number[] = [];
  for (let attempt = 0; attempt < meRequests; attempt++)
    statuses.push((await fetchImpl(at('api/auth/me'), { headers: sessionHeader })).status);
  const accepted = statuses.filter((status) => status === 200).length;
  if (accepted === meRequests) results.push(pass('session', `accepted on ${meRequests} of ${meRequests} requests`));
  else if (accepted === 0) {
    results.push(
      fail(
        'session',
        'the new session is refused',
        'The cookie is not accepted right after sign-in: SESSION_SECRET differs between instances, or the instances use different databases.',
      ),
    );
  } else {
    results.push(
      fail(
        'session',
        `accepted on only ${accepted} of ${meRequests} requests`,
        'Some instances refuse the session: SESSION_SECRET or DATABASE_URL differs between instances (check every PM2 instance and server).',
      ),
    );
  }

  const logout = await fetchImpl(at('api/auth/logout'), { method: 'POST', headers: sessionHeader });
  const after = await fetchImpl(at('api/auth/me'), { headers: sessionHeader });
  if (logout.ok && after.status === 401)
    results.push(pass('logout', 'the session is ended and the old cookie refused'));
  else if (after.status === 200)
    results.push(
      warn(
        'logout',
        'the old cookie still works right after logout',
        'Another instance may still trust it for up to SESSION_CHECK_CACHE (2 s by default); if it lasts longer, the instances do not share one database.',
      ),
    );
  else results.push(fail('logout', `answered ${logout.status}`, 'Logout failed; see the app logs.'));
  return results;
}

/** fetch() puts the network reason (refused, unknown host) in `cause`; a message is the fallback. */
function describeCause(error: unknown): string {
  const { cause, message } = error as Error;
  return cause instanceof Error ? cause.message : typeof cause === 'string' ? cause : message;
}
