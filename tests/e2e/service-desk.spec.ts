import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { signIn } from './support/login-page';
import { openBrowser, useAppServer } from './support/session';

// Issue 19: a requester reports a problem from "My devices"; an agent answers with a canned reply
// filled for that ticket; a saved view shows in the menu with its count.

const server = useAppServer((app) => {
  app.createUser('ada', 'ada-password-1', 'admin');
  app.createUser('dave', 'dave-password-1', 'requester');
});

async function postJson(page: Page, url: string, data: object): Promise<Record<string, { id: string }>> {
  const response = await page.request.post(url, { data });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as Record<string, { id: string }>;
}

test('Report a problem from My devices, answered with a canned reply; a saved view counts its tickets', async ({
  browser,
}) => {
  // One story across two people and several pages.
  test.setTimeout(180_000);
  const ada = await openBrowser(browser, server.app);
  await signIn(ada.page, 'ada', 'ada-password-1');
  const { asset } = await postJson(ada.page, 'api/assets', {
    assetTag: 'SD-1',
    name: 'ThinkPad',
    category: 'Hardware',
  });
  const found = await ada.page.request.get('api/users/search?q=dave');
  const dave = ((await found.json()) as { items: { id: string; username: string }[] }).items.find(
    (user) => user.username === 'dave',
  )!;
  expect((await ada.page.request.post(`api/assets/${asset.id}/checkout`, { data: { userId: dave.id } })).status()).toBe(
    200,
  );
  const { license } = await postJson(ada.page, 'api/licenses', { name: 'Office Suite', vendor: 'Contoso', seats: 3 });
  await postJson(ada.page, `api/licenses/${license.id}/seats`, { assetId: asset.id });

  // A shared canned reply; an unknown placeholder is refused with a message beside the field.
  await ada.page.goto('canned-replies');
  await ada.page.getByLabel('Title').fill('Looking into it');
  await ada.page.getByLabel('Reply', { exact: true }).fill('Hello {{requester.nmae}}');
  await ada.page.getByLabel('Who may use it').selectOption('shared');
  await ada.page.getByRole('button', { name: 'Save reply' }).click();
  await expect(ada.page.getByText(/Unknown placeholder \{\{requester\.nmae\}\}/).first()).toBeVisible();
  await ada.page
    .getByLabel('Reply', { exact: true })
    .fill('Hello {{requester.name}}, {{ticket.reference}} is with {{agent.name}}.');
  await ada.page.getByRole('button', { name: 'Save reply' }).click();
  await expect(ada.page.getByText('Saved “Looking into it”.')).toBeVisible();
  await expect(ada.page.getByRole('rowheader', { name: 'Looking into it' })).toBeVisible();
  await expectNoSeriousA11yViolations(ada.page);

  // The requester, on a phone: My devices with the license, then Report a problem.
  const requester = await openBrowser(browser, server.app);
  await requester.page.setViewportSize({ width: 390, height: 844 });
  await signIn(requester.page, 'dave', 'dave-password-1');
  await requester.page.goto('./');
  const devices = requester.page.getByRole('region', { name: /My devices/ });
  await expect(devices).toContainText('SD-1');
  await expect(devices).toContainText('Office Suite (Contoso)');
  await expectNoSeriousA11yViolations(requester.page);
  await devices.getByRole('link', { name: 'Report a problem with SD-1' }).click();
  await expect(requester.page).toHaveURL(new RegExp(`/tickets/new\\?asset=${asset.id}$`));
  await expect(requester.page.getByLabel('Category')).toHaveValue('Hardware');
  await expect(requester.page.getByLabel('Which of your assets is this about?')).toHaveValue(asset.id);
  await requester.page.getByLabel('Title').fill('Keyboard types double letters');
  await requester.page.getByRole('button', { name: 'Open ticket' }).click();
  await expect(requester.page.getByText(/Ticket T-\d+ opened/)).toBeVisible();
  const ticketUrl = requester.page.url();
  const reference = (await requester.page.locator('h1 .muted').textContent())!.trim();
  await expect(requester.page.getByRole('region', { name: 'Linked assets' })).toContainText('SD-1 — ThinkPad');
  // Someone else's asset (or none) is "not found".
  const refused = await requester.page.goto(`tickets/new?asset=${crypto.randomUUID()}`);
  expect(refused?.status()).toBe(404);

  // The agent inserts the canned reply, filled for this ticket.
  await ada.page.goto(ticketUrl);
  await ada.page.getByLabel('Canned reply').selectOption({ label: 'Looking into it' });
  await ada.page.getByRole('button', { name: 'Insert' }).click();
  await expect(ada.page.getByLabel('Reply', { exact: true })).toHaveValue(`Hello dave, ${reference} is with ada.`);
  await expectNoSeriousA11yViolations(ada.page);
  await ada.page.getByRole('button', { name: 'Send reply' }).click();
  await expect(ada.page.getByText('Reply added.')).toBeVisible();

  // The asset lists its ticket.
  await ada.page.goto(`assets/${asset.id}`);
  await expect(ada.page.getByRole('region', { name: 'Tickets' })).toContainText('Keyboard types double letters');

  // A saved view of the ticket list, in the menu with its count.
  await ada.page.goto('tickets?category=Hardware');
  await ada.page.getByText('Save this view').click();
  await ada.page.getByLabel('View name').fill('Hardware work');
  await ada.page.getByRole('button', { name: 'Save view' }).click();
  await expect(ada.page.getByText('Saved the view “Hardware work”.')).toBeVisible();
  const strip = ada.page.getByRole('navigation', { name: 'Saved views' });
  await expect(strip.getByRole('link', { name: /Hardware work\s*1 row/ })).toBeVisible();
  await ada.page.setViewportSize({ width: 390, height: 844 });
  await strip.getByRole('link', { name: /Hardware work/ }).click();
  await expect(ada.page).toHaveURL(/\/tickets\?category=Hardware/);
  await expectNoSeriousA11yViolations(ada.page);
});
