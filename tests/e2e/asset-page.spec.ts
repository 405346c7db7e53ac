import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { signIn } from './support/login-page';
import { pickOption } from './support/picker';
import { openBrowser, useAppServer } from './support/session';

const server = useAppServer((app) => {
  app.createUser('ada', 'ada-password-1', 'admin');
  app.createUser('dave', 'dave-password-1', 'requester');
});

async function createAsset(page: Page, fields: Record<string, string>): Promise<string> {
  const response = await page.request.post('api/assets', { data: fields });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { asset: { id: string } }).asset.id;
}

/** Counts the browser's own dialogs (window.confirm and friends), which the app must no longer use. */
function countDialogs(page: Page): () => number {
  let dialogs = 0;
  page.on('dialog', () => dialogs++);
  return () => dialogs;
}

test('the asset page shows details; editing is its own page, and the history lists each change', async ({
  browser,
}) => {
  const { context, page } = await openBrowser(browser, server.app);
  const dialogs = countDialogs(page);
  await signIn(page, 'ada', 'ada-password-1');
  const id = await createAsset(page, { assetTag: 'PG-1', name: 'ThinkPad', category: 'Laptop' });
  await page.goto(`assets/${id}`);
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details).toContainText('Laptop');
  // No form repeating the details on the asset page itself.
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/assets/${id}/edit$`));
  await expect(page.getByRole('heading', { name: 'Edit PG-1 ThinkPad' })).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue('ThinkPad');
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Model', { exact: true }).fill('Nowhere');
  await page.getByRole('link', { name: 'Cancel' }).click();
  await expect(page).toHaveURL(new RegExp(`/assets/${id}$`));
  await expect(details).not.toContainText('Nowhere');

  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Name').fill('ThinkPad T14');
  await page.getByLabel('Model', { exact: true }).fill('Gen 7');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'PG-1 saved.' })).toBeVisible();
  // The message's marker leaves the address, so a reload does not repeat it.
  await expect(page).toHaveURL(new RegExp(`/assets/${id}$`));
  await expect(details).toContainText('Gen 7');

  const history = page.getByRole('region', { name: 'History' });
  const newest = history.locator('tbody tr').first();
  await expect(newest).toContainText('Edited');
  await expect(newest).toContainText('Name: ThinkPad → ThinkPad T14');
  await expect(newest).toContainText('Model: (empty) → Gen 7');
  await expect(newest).toContainText('ada');

  await pickOption(page, 'Check out to', 'dave', 'dave (dave)');
  await page.getByRole('button', { name: 'Check out' }).click();
  await expect(page.getByText('PG-1 checked out to dave.')).toBeVisible();
  await expect(newest).toContainText('Checked out to dave');

  // Check-in asks in the page, by keyboard: focus on the confirming button, Escape takes it back.
  const checkIn = page.getByRole('button', { name: 'Check in' });
  await checkIn.focus();
  await page.keyboard.press('Enter');
  const question = page.getByRole('group', { name: 'Check in PG-1 from dave?' });
  await expect(question).toBeVisible();
  await expect(question.getByRole('button', { name: 'Check in' })).toBeFocused();
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  await expect(checkIn).toBeFocused();
  await page.reload();
  await expect(details).toContainText('dave (dave)');
  await expect(page.getByText('PG-1 checked out to dave.')).toHaveCount(0);

  await checkIn.focus();
  await page.keyboard.press('Enter');
  await expect(question.getByRole('button', { name: 'Check in' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('PG-1 checked in.')).toBeVisible();
  await expect(newest).toContainText('Checked in from dave, now In stock');
  await expect(history.locator('tbody tr')).toHaveCount(4);
  await expect(history.locator('tbody tr').last()).toContainText('Created');
  expect(dialogs()).toBe(0);
  await context.close();
});

test('checking out a retired asset warns and asks; the JSON API refuses a lost one without confirmUnavailable', async ({
  browser,
}) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'ada', 'ada-password-1');
  const retired = await createAsset(page, { assetTag: 'PG-2', name: 'Old monitor', status: 'retired' });
  await page.goto(`assets/${retired}`);
  await pickOption(page, 'Check out to', 'dave', 'dave (dave)');
  await page.getByRole('button', { name: 'Check out' }).click();
  const question = page.getByRole('group', { name: 'PG-2 is Retired. Check it out anyway?' });
  await expect(question).toBeVisible();
  await expect(question.getByRole('button', { name: 'Check out anyway' })).toBeFocused();
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toHaveCount(0);
  await page.reload();
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details).toContainText('Retired');
  await expect(details).toContainText('No one');

  await pickOption(page, 'Check out to', 'dave', 'dave (dave)');
  await page.getByRole('button', { name: 'Check out' }).click();
  await question.getByRole('button', { name: 'Check out anyway' }).click();
  await expect(page.getByText('PG-2 checked out to dave.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'History' }).locator('tbody tr').first()).toContainText(
    'Checked out to dave, while Retired',
  );

  const held = (await (await page.request.get(`api/assets/${retired}`)).json()) as {
    asset: { assignedTo: { id: string } };
  };
  const lost = await createAsset(page, { assetTag: 'PG-3', name: 'Phone', status: 'lost' });
  const refused = await page.request.post(`api/assets/${lost}/checkout`, {
    data: { userId: held.asset.assignedTo.id },
  });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.message).toBe(
    'PG-3 is Lost. Confirm to check it out anyway (confirmUnavailable: true).',
  );
  const confirmed = await page.request.post(`api/assets/${lost}/checkout`, {
    data: { userId: held.asset.assignedTo.id, confirmUnavailable: true },
  });
  expect(confirmed.status()).toBe(200);
  expect((await confirmed.json()).asset.status).toBe('deployed');
  await context.close();
});

test('the CSV import offers "Import" for a clean file and "Import the N valid rows" when rows would be skipped', async ({
  browser,
}) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'ada', 'ada-password-1');
  await page.goto('assets/import');
  const check = async (lines: string[]) => {
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'assets.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.getByText(/^Checked \d+ rows/)).toBeVisible();
  };
  await check(['asset_tag,name,purchase_date', 'IMP-1,Dock,', 'IMP-2,Dock,', 'IMP-3,Dock,', 'IMP-4,Dock,2024-02-30']);
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Import the 3 valid rows' }).click();
  await expect(page.getByText('Import finished: 3 created, 0 updated, 1 skipped.')).toBeVisible();

  await page.reload();
  await check(['asset_tag,name', 'IMP-5,Dock']);
  await expect(page.getByRole('button', { name: /valid rows?/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('Import finished: 1 created, 0 updated, 0 skipped.')).toBeVisible();
  await context.close();
});
