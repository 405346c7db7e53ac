import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { startTestProvider, type TestProvider } from '../support/oidc-test-provider';
import { AppServer } from './support/app-server';
import { expectNoSeriousA11yViolations } from './support/axe';
import { LoginPage } from './support/login-page';
import { openBrowser } from './support/session';

// Single sign-on against a real OpenID provider (oidc-provider) on 127.0.0.1: the app discovers
// it, sends the browser there with PKCE, state and nonce, and opens its own session on the way back.

test.describe.configure({ mode: 'serial' });

const app = new AppServer();
let provider: TestProvider;

const ssoEnv = {
  OIDC_DISPLAY_NAME: 'Example SSO',
  OIDC_ROLE_CLAIM: 'groups',
  OIDC_ADMIN_VALUES: 'it-admins',
  OIDC_AGENT_VALUES: 'helpdesk',
};

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const baseURL = await app.choosePort();
  provider = await startTestProvider({
    redirectUri: `${baseURL}api/auth/oidc/callback`,
    accounts: {
      pat: { email: 'pat@example.com', email_verified: true, name: 'Pat Provider', groups: ['staff'] },
      ada: { email: 'ada@example.com', email_verified: true, name: 'Ada Admin', groups: ['staff', 'it-admins'] },
      // Claims the address of the local account "lena", but the provider has not verified it.
      mallory: { email: 'lena@example.com', email_verified: false, name: 'Mallory' },
    },
  });
  app.setEnv({ ...provider.env, ...ssoEnv });
  app.createUser('boss', 'boss-password-1', 'admin');
  app.users(
    ['create', '--username', 'lena', '--role', 'agent', '--email', 'lena@example.com', '--password-stdin'],
    'lena-password-1',
  );
  app.createUser('rita', 'rita-password-1');
  await app.start();
});

test.afterAll(async () => {
  await app.dispose();
  await provider?.close();
});

/** A browser that reaches nothing but this machine's test servers. */
async function browserOn(browser: Parameters<typeof openBrowser>[0]): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await openBrowser(browser, app);
  await opened.context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort(),
  );
  return opened;
}

/** From the app's sign-in page through the provider's and back. */
async function signInWithProvider(page: Page, username: string): Promise<void> {
  await page.goto('login');
  await page.getByRole('link', { name: 'Sign in with Example SSO' }).click();
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  await page.getByLabel('Username at the provider').fill(username);
  await page.getByRole('button', { name: 'Sign in to the provider' }).click();
}

test('the sign-in page offers the provider, at desktop and phone width, without accessibility problems', async ({
  browser,
}) => {
  const { context, page } = await browserOn(browser);
  await page.goto('login');
  await expect(page.getByRole('link', { name: 'Sign in with Example SSO' })).toHaveAttribute(
    'href',
    '/it-assets-manager/api/auth/oidc/start',
  );
  await expect(page.getByLabel('Username')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: test.info().outputPath('login-sso-desktop.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath('login-sso-390.png'), fullPage: true });
  await context.close();
});

test('a first sign-in through the provider makes a requester, and signing out offers the provider’s sign-out', async ({
  browser,
}) => {
  const { context, page } = await browserOn(browser);
  await page.goto('assets');
  await expect(page).toHaveURL(/\/login\?next=%2Fassets/);
  await page.getByRole('link', { name: 'Sign in with Example SSO' }).click();
  await page.getByLabel('Username at the provider').fill('pat');
  await page.getByRole('button', { name: 'Sign in to the provider' }).click();
  // Back where the sign-in started, with the app's own session.
  await expect(page).toHaveURL(/\/it-assets-manager\/assets$/);
  const me = (await (await page.request.get('api/auth/me')).json()) as {
    user: { id: string; username: string; role: string };
  };
  expect(me.user).toMatchObject({ username: 'pat', role: 'requester' });

  await new LoginPage(page).logOut();
  await expect(page.getByRole('status').filter({ hasText: 'You are signed out.' })).toBeVisible();
  const providerSignOut = page.getByRole('link', { name: 'Also sign out of Example SSO' });
  await expect(providerSignOut).toHaveAttribute('href', new RegExp(`^${provider.issuer}/session/end\\?client_id=`));
  expect((await page.request.get('api/auth/me')).status()).toBe(401);

  // Signing in again finds the same account by its provider identity; the provider still knows
  // the browser, so it sends it straight back without asking.
  await page.getByRole('link', { name: 'Sign in with Example SSO' }).click();
  await new LoginPage(page).expectSignedIn('Pat Provider');
  const again = (await (await page.request.get('api/auth/me')).json()) as { user: { id: string } };
  expect(again.user.id).toBe(me.user.id);
  await context.close();
});

test('a user in the admin group becomes an admin', async ({ browser }) => {
  const { context, page } = await browserOn(browser);
  await signInWithProvider(page, 'ada');
  await new LoginPage(page).expectSignedIn('Ada Admin');
  await page.goto('admin/users');
  await expect(page.getByRole('heading', { name: /Users/ })).toBeVisible();
  const me = (await (await page.request.get('api/auth/me')).json()) as { user: { role: string } };
  expect(me.user.role).toBe('admin');
  await context.close();
});

test('with two-factor sign-in on, signing in through the provider asks for the app’s code too', async ({ browser }) => {
  const { context, page } = await browserOn(browser);
  await signInWithProvider(page, 'ada');
  const login = new LoginPage(page);
  await login.expectSignedIn('Ada Admin');
  await page.goto('account/two-factor');
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
  const codeAt = (offsetSteps: number) =>
    new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
      timestamp: Date.now() + offsetSteps * 30_000,
    });
  await page.getByLabel('Code from the app').fill(codeAt(0));
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);
  await login.logOut();

  // The provider still knows the browser and sends it straight back: to the code step, not in.
  await page.getByRole('link', { name: 'Sign in with Example SSO' }).click();
  await expect(page).toHaveURL(/\/login\/code\?next=/);
  expect((await page.request.get('api/auth/me')).status()).toBe(401);
  await page.getByLabel('Code from your authenticator app').fill(codeAt(1));
  await page.getByRole('button', { name: 'Continue' }).click();
  await login.expectSignedIn('Ada Admin');
  await context.close();
});

test('an unverified address that matches a local account is refused with a message', async ({ browser }) => {
  const { context, page } = await browserOn(browser);
  await signInWithProvider(page, 'mallory');
  await expect(page).toHaveURL(/\/login\?oidc=unverified_email$/);
  await expect(
    page.getByRole('alert').filter({ hasText: 'does not say the address is verified, so it was not linked' }),
  ).toBeVisible();
  expect((await page.request.get('api/auth/me')).status()).toBe(401);
  await expectNoSeriousA11yViolations(page);
  await context.close();
});

test('a tampered state is refused', async ({ browser }) => {
  const { context, page } = await browserOn(browser);
  await page.goto('login');
  await page.getByRole('link', { name: 'Sign in with Example SSO' }).click();
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  // Walk the provider's redirects by hand (same cookies as the page) to stop short of the callback.
  let location = page.url();
  let reply = await page.request.post(location, { form: { username: 'pat' }, maxRedirects: 0 });
  while (reply.status() === 303 || reply.status() === 302) {
    location = new URL(reply.headers().location, location).href;
    if (location.includes('/api/auth/oidc/callback')) break;
    reply = await page.request.get(location, { maxRedirects: 0 });
  }
  const callback = new URL(location);
  expect(callback.searchParams.get('code')).toBeTruthy();
  callback.searchParams.set('state', 'forged-by-someone-else');
  await page.goto(callback.href);
  await expect(page).toHaveURL(/\/login\?oidc=failed$/);
  await expect(
    page.getByRole('alert').filter({ hasText: 'Single sign-on did not complete. Start again from this page.' }),
  ).toBeVisible();
  expect((await page.request.get('api/auth/me')).status()).toBe(401);
  await context.close();
});

test('OIDC_ONLY hides password sign-in from everyone but the break-glass admin', async ({ browser }) => {
  app.setEnv({ OIDC_ONLY: 'true', OIDC_BREAK_GLASS_USERS: 'boss' });
  await app.restart();
  const { context, page } = await browserOn(browser);
  await page.goto('login');
  await expect(page.getByRole('link', { name: 'Sign in with Example SSO' })).toBeVisible();
  await expect(page.getByLabel('Username')).toBeHidden();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: test.info().outputPath('login-sso-only.png'), fullPage: true });

  // The server refuses a password for anyone else, also on the JSON route, like a wrong password.
  const refused = await page.request.post('api/auth/login', {
    data: { username: 'rita', password: 'rita-password-1' },
  });
  expect(refused.status()).toBe(401);

  await page.getByText('Break-glass sign-in').click();
  const login = new LoginPage(page);
  await login.signIn('boss', 'boss-password-1');
  await login.expectSignedIn('boss');
  await context.close();
});
