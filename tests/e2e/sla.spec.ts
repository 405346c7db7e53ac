import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { signIn } from './support/login-page';
import { openBrowser, useAppServer } from './support/session';

// An admin sets SLA policies on a business calendar (Admin → SLA); the agent's queue then shows
// each ticket's due time as a badge and lists the soonest due first.

const server = useAppServer((app) => {
  app.createUser('ada', 'ada-password-1', 'admin');
  app.createUser('alex', 'alex-password-1', 'agent');
  app.createUser('rita', 'rita-password-1', 'requester');
});

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

test('an admin sets a policy; the agent sees the due badges and the soonest due first', async ({ browser }) => {
  const admin = await openBrowser(browser, server.app);
  await signIn(admin.page, 'ada');
  await admin.page.getByRole('link', { name: 'SLA', exact: true }).click();
  await expect(admin.page.getByRole('heading', { name: 'SLA', level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(admin.page);

  // Round the clock in UTC, so the due times below hold at any hour the test runs.
  const calendar = admin.page.getByRole('region', { name: 'Business calendar' });
  for (const day of weekdays) {
    await calendar.getByLabel(`${day} from`).fill('00:00');
    await calendar.getByLabel(`${day} to`).fill('24:00');
  }
  await calendar.getByRole('button', { name: 'Save calendar' }).click();
  await expect(admin.page.getByText('Calendar saved.')).toBeVisible();

  const policies = admin.page.getByRole('region', { name: 'Policies' });
  await policies.getByLabel('Urgent: first response (hours)').fill('1');
  await policies.getByLabel('Urgent: resolution (hours)').fill('');
  await policies.getByRole('button', { name: 'Save policies' }).click();
  await expect(policies.getByText('Enter both targets, or neither for no SLA.')).toBeVisible();
  await policies.getByLabel('Urgent: resolution (hours)').fill('4');
  await policies.getByLabel('Normal: first response (hours)').fill('8');
  await policies.getByLabel('Normal: resolution (hours)').fill('24');
  await policies.getByRole('button', { name: 'Save policies' }).click();
  await expect(admin.page.getByText('Policies saved.')).toBeVisible();
  await admin.context.close();

  const requester = await openBrowser(browser, server.app);
  await signIn(requester.page, 'rita');
  for (const [title, priority] of [
    ['Printer jams now and then', 'low'],
    ['Laptop charger broken', 'normal'],
    ['Cannot sign in to payroll', 'urgent'],
  ]) {
    const response = await requester.page.request.post('api/tickets', { data: { title, priority } });
    expect(response.status()).toBe(201);
  }
  await requester.context.close();

  const agent = await openBrowser(browser, server.app);
  await signIn(agent.page, 'alex');
  await agent.page.goto('tickets');
  const rows = agent.page.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  // The queue opens sorted by SLA due: the urgent ticket first, the one without a policy last.
  await expect(rows.nth(0)).toContainText('Cannot sign in to payroll');
  await expect(rows.nth(0)).toContainText(/Due in (59|60) min|Due in 1 h/);
  await expect(rows.nth(1)).toContainText('Laptop charger broken');
  await expect(rows.nth(1)).toContainText(/Due in 7 h 5\d min|Due in 8 h/);
  await expect(rows.nth(2)).toContainText('Printer jams now and then');
  await expect(agent.page.getByRole('columnheader', { name: /SLA/ })).toHaveAttribute('aria-sort', 'descending');
  await expectNoSeriousA11yViolations(agent.page);

  await agent.page.getByLabel('SLA').selectOption('due_soon');
  await agent.page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0)).toContainText('Cannot sign in to payroll');

  await rows.nth(0).getByRole('link', { name: 'Cannot sign in to payroll' }).click();
  const facts = agent.page.locator('dl.facts');
  await expect(facts).toContainText('First response due');
  await expect(facts).toContainText('Resolution due');
  await expect(facts).toContainText(/Due in/);
  await agent.context.close();
});
