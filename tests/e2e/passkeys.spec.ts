import { expect, test, type Browser, type Page } from '@playwright/test';
import { AppServer } from './support/app-server';
import { expectNoSeriousA11yViolations } from './support/axe';
import { LoginPage } from './support/login-page';
import { openBrowser } from './support/session';

// Passkeys in Chromium with its virtual authenticator (DevTools protocol, WebAuthn domain). Browsers
// refuse an IP address as a passkey's domain, so this server's PUBLIC_URL, and the browser, use
// http://localhost:<port>/it-assets-manager (plain HTTP on localhost counts as a secure context).

const app = new AppServer();
let localBase = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  app.createUser('pia', 'pia-password-1');
  // Started once to learn its port, then again with PUBLIC_URL naming it.
  await app.start();
  await app.stop();
  localBase = app.baseURL.replace('//127.0.0.1:', '//localhost:');
  app.setEnv({ PUBLIC_URL: localBase.replace(/\/$/, '') });
  await app.start();
});

test.afterAll(async () => {
  await app.dispose();
});

/** A browser on the localhost address PUBLIC_URL names. */
async function openLocal(browser: Browser) {
  const context = await browser.newContext({ baseURL: localBase });
  return { context, page: await context.newPage() };
}

async function addVirtualAuthenticator(page: Page): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
  return async () => {
    await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
  };
}

async function addPasskey(page: Page, name: string): Promise<void> {
  await page.getByLabel('Name of the new passkey').fill(name);
  await page.getByRole('button', { name: 'Add a passkey' }).click();
}

test('register two named passkeys, sign in with one alone, see when it was last used, remove the other', async ({
  browser,
}) => {
  const { context, page } = await openLocal(browser);
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn('pia', 'pia-password-1');
  await login.expectSignedIn('pia');

  await page.goto('account');
  const panel = page.getByRole('region', { name: 'Passkeys' });
  await expect(panel.getByText('No passkeys yet.')).toBeVisible();

  // The first passkey, on a laptop's authenticator; the same authenticator cannot hold a second one.
  const removeLaptop = await addVirtualAuthenticator(page);
  await addPasskey(page, 'Work laptop');
  await expect(panel.getByText('Passkey "Work laptop" added.')).toBeVisible();
  await expect(panel.getByRole('row', { name: /Work laptop/ })).toContainText('Never');
  await addPasskey(page, 'Laptop again');
  await expect(panel.getByText('This authenticator already holds a passkey for your account.')).toBeVisible();
  await removeLaptop();

  // The second, on a phone's.
  await addVirtualAuthenticator(page);
  await addPasskey(page, 'Phone');
  await expect(panel.getByText('Passkey "Phone" added.')).toBeVisible();
  await expect(panel.getByRole('row')).toHaveCount(3);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: test.info().outputPath('account-passkeys.png'), fullPage: true });

  // Signed out, the phone's passkey alone signs in, and the sign-in goes where it was asked to.
  await login.logOut();
  await page.goto('login?next=/it-assets-manager/account');
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: test.info().outputPath('login-passkey.png'), fullPage: true });
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page).toHaveURL(/\/it-assets-manager\/account$/);
  await expect(panel.getByRole('row', { name: /Phone/ })).not.toContainText('Never');
  await expect(panel.getByRole('row', { name: /Work laptop/ })).toContainText('Never');

  // The laptop's passkey is removed, after the in-page question.
  await panel
    .getByRole('row', { name: /Work laptop/ })
    .getByRole('button', { name: 'Remove' })
    .click();
  await panel.getByRole('group').getByRole('button', { name: 'Remove' }).click();
  await expect(panel.getByRole('row', { name: /Work laptop/ })).toHaveCount(0);
  await expect(panel.getByRole('row', { name: /Phone/ })).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath('account-passkeys-390.png'), fullPage: true });
  await login.logOut();
  await page.screenshot({ path: test.info().outputPath('login-passkey-390.png'), fullPage: true });
  await context.close();
});

test('a passkey removed from the account no longer signs in, and the sign-in page says so', async ({ browser }) => {
  const { context, page } = await openLocal(browser);
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn('pia', 'pia-password-1');
  await login.expectSignedIn('pia');
  await page.goto('account');
  const panel = page.getByRole('region', { name: 'Passkeys' });
  await addVirtualAuthenticator(page);
  await addPasskey(page, 'Spare key');
  await expect(panel.getByText('Passkey "Spare key" added.')).toBeVisible();
  await panel
    .getByRole('row', { name: /Spare key/ })
    .getByRole('button', { name: 'Remove' })
    .click();
  await panel.getByRole('group').getByRole('button', { name: 'Remove' }).click();
  await expect(panel.getByRole('row', { name: /Spare key/ })).toHaveCount(0);

  // The authenticator still holds it; the server no longer knows it.
  await login.logOut();
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page.getByText('That passkey was not accepted.')).toBeVisible();
  await expect(page).toHaveURL(/\/login(\?.*)?$/);
  await context.close();
});

test('without a usable PUBLIC_URL the account page says why passkeys are off, and sign-in offers none', async ({
  browser,
}) => {
  await app.stop();
  app.setEnv({ PUBLIC_URL: app.baseURL.replace(/\/$/, '') });
  await app.start();
  const { context, page } = await openBrowser(browser, app);
  const login = new LoginPage(page);
  await login.goto();
  await expect(page.getByRole('button', { name: 'Sign in with a passkey' })).toHaveCount(0);
  await login.signIn('pia', 'pia-password-1');
  await login.expectSignedIn('pia');
  await page.goto('account');
  const panel = page.getByRole('region', { name: 'Passkeys' });
  await expect(panel).toContainText('PUBLIC_URL names an IP address');
  await expect(panel.getByRole('row', { name: /Phone/ })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Add a passkey' })).toHaveCount(0);
  await context.close();
});
