import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { LoginPage, signIn } from './support/login-page';
import { openBrowser, useAppServer } from './support/session';

const server = useAppServer((app) => {
  // Runs inside the set-up hook: five commands on a fresh embedded database, then the server.
  test.setTimeout(240_000);
  app.createUser('boss', 'boss-password-1', 'admin');
  app.createUser('agnes', 'agnes-password-1', 'agent');
  app.createUser('rita', 'rita-password-1');
  app.createUser('rob', 'rob-password-1');
  app.createUser('ruth', 'ruth-password-1');
});

test('a new installation tells the first admin what to do next, until there is a ticket', async ({ browser }) => {
  const boss = await openBrowser(browser, server.app);
  await signIn(boss.page, 'boss', 'boss-password-1');
  const steps = boss.page.getByRole('region', { name: 'Getting started' });
  await expect(steps.getByRole('link', { name: 'Add the people' })).toHaveAttribute('href', /\/admin\/users$/);
  await expect(steps.getByRole('link', { name: 'Import your assets' })).toHaveAttribute('href', /\/assets\/import$/);
  await expect(steps.getByRole('link', { name: 'Open a ticket' })).toHaveAttribute('href', /\/tickets\/new$/);
  await expectNoSeriousA11yViolations(boss.page);
  await boss.page.screenshot({ path: test.info().outputPath('first-steps.png'), fullPage: true });

  // An agent is not sent to the admin-only user pages.
  const agnes = await openBrowser(browser, server.app);
  await signIn(agnes.page, 'agnes', 'agnes-password-1');
  const agentSteps = agnes.page.getByRole('region', { name: 'Getting started' });
  await expect(agentSteps.getByRole('link', { name: 'Open a ticket' })).toBeVisible();
  await expect(agentSteps.getByRole('link', { name: 'Add the people' })).toHaveCount(0);

  expect((await boss.page.request.post('api/tickets', { data: { title: 'First printer jam' } })).status()).toBe(201);
  await boss.page.reload();
  await expect(boss.page.getByRole('heading', { name: 'Open tickets (1)' })).toBeVisible();
  await expect(boss.page.getByRole('region', { name: 'Getting started' })).toHaveCount(0);
  await Promise.all([boss.context.close(), agnes.context.close()]);
});

test('an admin searches and pages the user list, and edits a name and email', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'boss', 'boss-password-1');

  await page.goto('admin/users?pageSize=2');
  const pages = page.getByRole('navigation', { name: 'Pages' });
  await expect(pages).toContainText('1–2 of 5');
  await pages.getByRole('link', { name: 'Next →' }).click();
  await expect(page).toHaveURL(/pageSize=2/);
  await expect(pages).toContainText('3–4 of 5');

  await page.goto('admin/users');
  await page.getByLabel('Username, name or email').fill('RIT');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/[?&]q=RIT/);
  const users = page.getByRole('region', { name: /^Matching users/ });
  await expect(users).toHaveAccessibleName('Matching users (1)');
  await users.getByRole('link', { name: 'rita', exact: true }).click();

  const details = page.getByRole('region', { name: 'Name and email' });
  await details.getByLabel('Name').fill('Rita Hayworth');
  await details.getByLabel('Email').fill('rita@example.org');
  await details.getByRole('button', { name: 'Save name and email' }).click();
  await expect(details.getByRole('status')).toContainText('Name and email saved.');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Rita Hayworth');

  // The list finds her by the new address.
  await page.goto('admin/users?q=rita%40example');
  await expect(page.getByRole('cell', { name: 'Rita Hayworth' })).toBeVisible();

  // Bad input is answered beside the field it concerns.
  await page.goto('admin/users?q=rob');
  await page.getByRole('link', { name: 'rob', exact: true }).click();
  const robDetails = page.getByRole('region', { name: 'Name and email' });
  await robDetails.getByLabel('Email').fill('not an address');
  await robDetails.getByRole('button', { name: 'Save name and email' }).click();
  await expect(robDetails.getByLabel('Email')).toHaveAccessibleDescription(
    /Enter a valid email address or leave it empty\./,
  );
  await robDetails.getByLabel('Email').fill('RITA@example.org');
  await robDetails.getByRole('button', { name: 'Save name and email' }).click();
  await expect(robDetails.getByLabel('Email')).toHaveAccessibleDescription(/This address already belongs to rita\./);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: test.info().outputPath('user-details-error.png'), fullPage: true });

  // An edit made on a page someone else has changed since is refused.
  const stale = await context.newPage();
  await stale.goto(page.url());
  await robDetails.getByLabel('Email').fill('rob@example.org');
  await robDetails.getByRole('button', { name: 'Save name and email' }).click();
  await expect(robDetails.getByRole('status')).toContainText('Name and email saved.');
  const staleDetails = stale.getByRole('region', { name: 'Name and email' });
  await staleDetails.getByLabel('Name').fill('Robert');
  await staleDetails.getByRole('button', { name: 'Save name and email' }).click();
  await expect(staleDetails).toContainText('Changed by someone else — reload the page and try again.');
  await context.close();
});

test('after logging out the sign-in page says so; any other marker says nothing', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'ruth', 'ruth-password-1');
  await new LoginPage(page).logOut();
  await expect(page.getByRole('status').filter({ hasText: 'You are signed out.' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('signed-out.png'), fullPage: true });

  await page.goto('login?signedOut=yes-please');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('You are signed out.')).toHaveCount(0);
  await context.close();
});
