import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { e2eBasePath } from './support/constants';
import { LoginPage, signIn } from './support/login-page';
import { pickOption } from './support/picker';
import { openBrowser, useAppServer } from './support/session';

const server = useAppServer((app) => {
  app.createUser('ada', 'ada-password-1', 'admin');
  app.createUser('pat', 'pat-password-1', 'requester');
});

const phone = { width: 390, height: 844 };

async function createAsset(page: Page, fields: Record<string, string>): Promise<string> {
  const response = await page.request.post('api/assets', { data: fields });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { asset: { id: string } }).asset.id;
}

const ids: Record<string, string> = {};

test('a label short address signed out: login, then the asset; an unknown tag says so', async ({ browser }) => {
  const admin = await openBrowser(browser, server.app);
  await signIn(admin.page, 'ada', 'ada-password-1');
  ids.one = await createAsset(admin.page, {
    assetTag: 'QR-1',
    name: 'ThinkPad T14',
    category: 'Laptop',
    serial: 'SN-111',
  });
  ids.two = await createAsset(admin.page, { assetTag: 'QR-2', name: 'Dell monitor', category: 'Monitor' });
  ids.three = await createAsset(admin.page, { assetTag: 'QR-3', name: 'iPhone', category: 'Phone' });
  const pdf = await admin.page.request.get(`api/assets/labels?format=letter-5160&ids=${ids.one},${ids.two}`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  await admin.context.close();

  const { context, page } = await openBrowser(browser, server.app);
  await page.goto('a/QR-1');
  await expect(page).toHaveURL(/\/login\?next=%2Fa%2FQR-1$/);
  await new LoginPage(page).signIn('ada', 'ada-password-1');
  await expect(page).toHaveURL(new RegExp(`/assets/${ids.one}$`));
  await expect(page.getByRole('heading', { name: /QR-1/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print label' })).toBeVisible();

  await page.goto('a/NO-SUCH-TAG');
  await expect(page.getByRole('heading', { name: 'No asset with this tag' })).toBeVisible();
  await context.close();
});

test('the web manifest and its icons are served under the base path, without a session', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  const reply = await page.request.get('manifest.webmanifest');
  expect(reply.status()).toBe(200);
  const manifest = (await reply.json()) as { start_url: string; scope: string; icons: { src: string }[] };
  expect(manifest.start_url).toBe('./');
  for (const icon of manifest.icons) {
    const image = await page.request.get(icon.src);
    expect(image.status()).toBe(200);
    expect(image.headers()['content-type']).toBe('image/png');
  }
  await page.goto('login');
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', `${e2eBasePath}/manifest.webmanifest`);
  await context.close();
});

test('on a phone: the Scan page finds an asset by a typed serial and offers its actions', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  await page.setViewportSize(phone);
  await signIn(page, 'ada', 'ada-password-1');
  await page.goto('scan');
  await expect(page.getByRole('heading', { name: 'Scan', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Scan with the camera' })).toBeVisible();
  const code = page.getByLabel('Asset tag, serial number or label address');
  await code.fill('sn-111');
  await code.press('Enter');
  const card = page.getByRole('region', { name: /QR-1/ });
  await expect(card).toBeVisible();
  await expect(card.getByRole('link', { name: 'Report a problem' })).toHaveAttribute(
    'href',
    `${e2eBasePath}/tickets/new?asset=${ids.one}`,
  );
  await expect(card.getByRole('button', { name: 'Check out' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await code.fill('https://example.com/it-assets-manager/a/NOPE');
  await code.press('Enter');
  await expect(page.getByText('No asset has the tag or serial number NOPE.')).toBeVisible();
  await context.close();
});

test('on a phone: continuous check-out builds a list, flags duplicates and unknown codes, and checks out at once', async ({
  browser,
}) => {
  const { context, page } = await openBrowser(browser, server.app);
  await page.setViewportSize(phone);
  await signIn(page, 'ada', 'ada-password-1');
  await page.goto('scan/checkout');
  await pickOption(page, 'Check out to', 'pat', /pat/);
  const code = page.getByLabel('Asset tag, serial number or label address');
  const list = page.getByRole('region', { name: /Scanned items/ });
  for (const [typed, count] of [
    ['QR-2', 1],
    ['QR-3', 2],
    ['QR-2', 3],
    ['ZZZ-9', 4],
  ] as const) {
    await code.fill(typed);
    await code.press('Enter');
    await expect(list.getByRole('listitem')).toHaveCount(count);
  }
  await expect(list.getByRole('listitem').nth(2)).toContainText('Already in this list.');
  await expect(list.getByRole('listitem').nth(3)).toContainText('No asset has the tag or serial number ZZZ-9.');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Check out 2 items' }).click();
  await expect(page.getByText('2 checked out.')).toBeVisible();
  await expect(list.getByText('Checked out')).toHaveCount(2);

  const asset = await page.request.get(`api/assets/${ids.two}`);
  expect(((await asset.json()) as { asset: { status: string } }).asset.status).toBe('deployed');
  await context.close();
});

test('a new label logo shows as soon as it is uploaded, in place of the old one', async ({ browser }) => {
  // Two red PNGs, 2×1 and 3×1 pixels: the image shown tells them apart by its width.
  const narrow = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAADUlEQVR4nGP4z8AARAAI/gH/xp559wAAAABJRU5ErkJggg==';
  const wide = 'iVBORw0KGgoAAAANSUhEUgAAAAMAAAABCAIAAACUgoPjAAAADUlEQVR4nGP4z8AAQQAR+AL+4+XvtgAAAABJRU5ErkJggg==';
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'ada', 'ada-password-1');
  await page.goto('assets/labels');
  const logo = page.getByRole('img', { name: 'The logo printed on labels' });
  for (const [name, png, width] of [
    ['narrow.png', narrow, 2],
    ['wide.png', wide, 3],
  ] as const) {
    await page
      .getByLabel('Logo', { exact: true })
      .setInputFiles({ name, mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
    await page.getByRole('button', { name: 'Upload image' }).click();
    await expect(page.getByText('Image saved.')).toBeVisible();
    await expect.poll(() => logo.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(width);
  }
  await context.close();
});
