import { expect, test, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { expectNoSeriousA11yViolations } from './support/axe';
import { LoginPage } from './support/login-page';
import { openBrowser, useAppServer } from './support/session';

const server = useAppServer((app) => {
  test.setTimeout(240_000);
  app.createUser('boss', 'boss-password-1', 'admin');
  app.createUser('tess', 'tess-password-1', 'agent');
  app.createUser('rita', 'rita-password-1');
  app.createUser('dora', 'dora-password-1', 'agent');
});

/** The code an authenticator app would show, `offsetSteps` steps from now. */
function codeFor(secretText: string, offsetSteps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secretText.replace(/\s+/g, '')), digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + offsetSteps * 30_000 });
}

async function passwordStep(page: Page, username: string, password: string) {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(username, password);
  await expect(page).toHaveURL(/\/login\/code/);
  await expect(page.getByRole('heading', { name: 'Two-factor sign-in' })).toBeVisible();
}

async function sendCode(page: Page, code: string) {
  await page.getByLabel('Code from your authenticator app').fill(code);
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Enrols from the account page; answers the secret as shown and the recovery codes. */
async function enrol(page: Page, screenshots?: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  await page.goto('account');
  await page.getByRole('link', { name: 'Set up two-factor sign-in' }).click();
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  const qr = page.getByRole('img', { name: 'QR code for your authenticator app' });
  await expect(qr).toBeVisible();
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
  const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
  expect(secret).toMatch(/^[A-Z2-7 ]{32,40}$/);
  if (screenshots) {
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: test.info().outputPath(`${screenshots}-desktop.png`), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: test.info().outputPath(`${screenshots}-phone.png`), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
  }
  await page.getByLabel('Code from the app').fill('123');
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.locator('#field-code-error')).toContainText('not valid');
  await page.getByLabel('Code from the app').fill(codeFor(secret));
  await page.getByRole('button', { name: 'Turn on' }).click();
  const list = page.getByTestId('recovery-codes');
  await expect(list.getByRole('listitem')).toHaveCount(10);
  const recoveryCodes = (await list.getByRole('listitem').allTextContents()).map((text) => text.trim());
  return { secret, recoveryCodes };
}

test('enrol from the account page, then sign in with password and code; a recovery code works once', async ({
  browser,
}) => {
  const { context, page } = await openBrowser(browser, server.app);
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn('tess', 'tess-password-1');
  await login.expectSignedIn('tess');
  const { secret, recoveryCodes } = await enrol(page, 'enrolment');
  await page.getByRole('link', { name: /I have saved them/ }).click();
  await expect(page.getByRole('region', { name: 'Two-factor sign-in' })).toContainText('On');
  await login.logOut();

  // The password alone gives no session: the app's pages still send the browser to sign in.
  await passwordStep(page, 'tess', 'tess-password-1');
  expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('ticketing_session');
  await page.goto('tickets');
  await expect(page).toHaveURL(/\/login\?next=/);
  await passwordStep(page, 'tess', 'tess-password-1');

  await sendCode(page, '000000');
  await expect(page.locator('#field-code-error')).toContainText('That code is not valid');
  await expect(page.getByLabel('Code from your authenticator app')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: test.info().outputPath('code-step-desktop.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath('code-step-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  // The enrolment used this step's code; the next step's is accepted (±1 step).
  await sendCode(page, codeFor(secret, 1));
  await login.expectSignedIn('tess');
  await login.logOut();

  await passwordStep(page, 'tess', 'tess-password-1');
  await sendCode(page, recoveryCodes[0]);
  await login.expectSignedIn('tess');
  await login.logOut();

  await passwordStep(page, 'tess', 'tess-password-1');
  await sendCode(page, recoveryCodes[0]);
  await expect(page.locator('#field-code-error')).toContainText('That code is not valid');

  // The JSON login: 401 second_factor_required without a code, a session with one.
  const api = page.request;
  const bare = await api.post('api/auth/login', { data: { username: 'tess', password: 'tess-password-1' } });
  expect(bare.status()).toBe(401);
  expect(((await bare.json()) as { error: { code: string } }).error.code).toBe('second_factor_required');
  const withCode = await api.post('api/auth/login', {
    data: { username: 'tess', password: 'tess-password-1', code: recoveryCodes[1] },
  });
  expect(withCode.status()).toBe(200);
  await context.close();
});

test('turning it off asks again: a wrong code is refused beside its field, the password turns it off', async ({
  browser,
}) => {
  const { context, page } = await openBrowser(browser, server.app);
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn('dora', 'dora-password-1');
  await login.expectSignedIn('dora');
  await enrol(page);
  await page.goto('account/two-factor');
  const turnOff = page.getByRole('button', { name: 'Turn off two-factor sign-in' });
  await page.getByLabel('Current code or recovery code').fill('000000');
  await turnOff.click();
  await expect(page.locator('#field-code-error')).toContainText('not valid');
  await page.getByLabel('Current code or recovery code').fill('');
  await page.getByLabel('Password', { exact: true }).fill('dora-password-1');
  await turnOff.click();
  await expect(page.getByRole('button', { name: 'Set up an authenticator app' })).toBeVisible();
  await context.close();
});

test('a role that must use a second factor is sent to set one up; an admin reset ends the sessions', async ({
  browser,
}) => {
  const boss = await openBrowser(browser, server.app);
  const bossLogin = new LoginPage(boss.page);
  await bossLogin.goto();
  await bossLogin.signIn('boss', 'boss-password-1');
  await bossLogin.expectSignedIn('boss');
  await boss.page.goto('admin/users');
  const setting = boss.page.getByRole('region', { name: 'Two-factor sign-in' });
  await setting.getByLabel('Requesters').check();
  await setting.getByRole('button', { name: 'Save' }).click();
  await expect(setting.getByRole('status')).toContainText('Required for: requester');

  const rita = await openBrowser(browser, server.app);
  const ritaLogin = new LoginPage(rita.page);
  await ritaLogin.goto();
  await ritaLogin.signIn('rita', 'rita-password-1');
  await expect(rita.page).toHaveURL(/\/it-assets-manager\/account\/two-factor$/);
  await expect(rita.page.getByText('Your role must sign in with a second factor')).toBeVisible();
  await rita.page.goto('tickets');
  await expect(rita.page).toHaveURL(/\/it-assets-manager\/account\/two-factor$/);
  const refused = await rita.page.request.post('api/tickets', { data: { title: 'Printer' } });
  expect(refused.status()).toBe(403);

  // JSON enrolment works in this state too.
  const started = await rita.page.request.post('api/account/totp');
  expect(started.status()).toBe(200);
  const { secret, uri } = (await started.json()) as { secret: string; uri: string };
  expect(uri).toMatch(/^otpauth:\/\/totp\//);
  const confirmed = await rita.page.request.post('api/account/totp/confirm', { data: { code: codeFor(secret) } });
  expect(confirmed.status()).toBe(200);
  expect(((await confirmed.json()) as { recoveryCodes: string[] }).recoveryCodes).toHaveLength(10);
  await rita.page.goto('tickets');
  await expect(rita.page).toHaveURL(/\/it-assets-manager\/tickets$/);

  // The admin resets it: rita's session ends, and her next sign-in asks her to set one up again.
  await boss.page.goto('admin/users?q=rita');
  await boss.page.getByRole('link', { name: 'rita', exact: true }).click();
  await expect(boss.page.getByTestId('second-factor-status')).toHaveText('On (authenticator app).');
  await boss.page.getByRole('button', { name: 'Reset two-factor sign-in' }).click();
  // Asked in the page: the question stands in for the button until confirmed.
  await boss.page
    .getByRole('group', { name: /Remove rita's authenticator app/ })
    .getByRole('button', { name: 'Reset two-factor sign-in' })
    .click();
  await expect(boss.page.getByTestId('second-factor-status')).toHaveText('Off.');
  await rita.page.goto('tickets');
  await expect(rita.page).toHaveURL(/\/login\?next=/);

  await Promise.all([boss.context.close(), rita.context.close()]);
});
