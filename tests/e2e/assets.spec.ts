import { deflateSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { signIn } from './support/login-page';
import { pickOption } from './support/picker';
import { openBrowser, useAppServer } from './support/session';

const server = useAppServer((app) => {
  app.createUser('ada', 'ada-password-1', 'admin');
  app.createUser('agnes', 'agnes-password-1', 'agent');
  app.createUser('dave', 'dave-password-1', 'requester');
});

/** A 1×1 greyscale PNG with valid checksums. */
function tinyPng(): Buffer {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = table[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(body));
    return Buffer.concat([head, body, tail]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 128]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

let laptopId = '';
const laptopUrl = () => `assets/${laptopId}`;
const idOf = (url: string) => new URL(url).pathname.split('/').pop();

test('an agent creates an asset, edits it, checks it out to a requester and back in', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'agnes', 'agnes-password-1');
  await page.getByRole('link', { name: 'Assets', exact: true }).click();
  await expect(page.getByText('No assets yet.')).toBeVisible();
  await page.getByRole('link', { name: 'New asset' }).click();
  await expect(page.getByLabel('Asset tag')).toHaveValue('A-00001');
  await page.getByLabel('Name').fill('ThinkPad T14');
  await page.getByLabel('Category').fill('Laptop');
  await page.getByLabel('Serial').fill('PF-E2E-1');
  await page.getByRole('button', { name: 'Create asset' }).click();
  await expect(page.getByText('Asset A-00001 created.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'A-00001 ThinkPad T14' })).toBeVisible();
  laptopId = idOf(page.url()) ?? '';

  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Model', { exact: true }).fill('T14 Gen 5');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('A-00001 saved.')).toBeVisible();
  await expect(page.locator('dl.facts')).toContainText('T14 Gen 5');

  await pickOption(page, 'Check out to', 'dave', 'dave (dave)');
  await page.getByLabel('Expected return (optional)').fill('2999-01-31');
  await page.getByRole('button', { name: 'Check out' }).click();
  await expect(page.getByText('A-00001 checked out to dave.')).toBeVisible();
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.locator('tbody tr')).toHaveCount(3);
  await expect(history.locator('tbody tr').first()).toContainText('Checked out to dave, expected back 2999-01-31');

  // On the list, the holder's name lists everything checked out to them.
  await page.goto('assets');
  await page.getByRole('link', { name: 'dave', exact: true }).click();
  await expect(page).toHaveURL(/assignedTo=[0-9a-f-]{36}/);
  await expect(page.getByLabel('Checked out to').locator('option:checked')).toHaveText('dave');
  await expect(page.getByRole('link', { name: 'A-00001' })).toBeVisible();
  await page.getByLabel('Checked out to').selectOption({ label: 'No one (available)' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByText('No assets match these filters.')).toBeVisible();
  await page.goto(laptopUrl());

  await page.getByRole('button', { name: 'Check in' }).click();
  await page
    .getByRole('group', { name: 'Check in A-00001 from dave?' })
    .getByRole('button', { name: 'Check in' })
    .click();
  await expect(page.getByText('A-00001 checked in.')).toBeVisible();
  const row = history.locator('tbody tr').first();
  await expect(row).toContainText('Checked in from dave, now In stock');
  await expect(row).toContainText('agnes');

  // A second asset that a duplicate serial cannot create.
  await page.goto('assets/new');
  await expect(page.getByLabel('Asset tag')).toHaveValue('A-00002');
  await page.getByLabel('Name').fill('Duplicate serial');
  await page.getByLabel('Serial').fill('pf-e2e-1');
  await page.getByRole('button', { name: 'Create asset' }).click();
  await expect(page.getByText('Already used by A-00001.')).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue('Duplicate serial');
  await context.close();
});

test('image upload shows the image; a file that is not an image shows the error', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'agnes', 'agnes-password-1');
  await page.goto(laptopUrl());
  await expect(page.getByText('No image.')).toBeVisible();
  await page.getByLabel('Photo').setInputFiles({
    name: 'notes.png',
    mimeType: 'image/png',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
  });
  await page.getByRole('button', { name: 'Upload image' }).click();
  await expect(
    page.getByText('Only PNG, JPEG or WebP images are accepted; this file is not one of them.'),
  ).toBeVisible();
  await expect(page.getByText('No image.')).toBeVisible();

  await page.getByLabel('Photo').setInputFiles({ name: 'laptop.jpg', mimeType: 'image/jpeg', buffer: tinyPng() });
  await page.getByRole('button', { name: 'Upload image' }).click();
  await expect(page.getByText('Image saved.')).toBeVisible();
  const image = page.getByRole('img', { name: 'Photo of A-00001 ThinkPad T14' });
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth))
    .toBe(1);
  const response = await page.request.get(`${server.app.baseURL}api/assets/${laptopId}/image`);
  expect(response.headers()['content-type']).toBe('image/png');
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  await context.close();
});

test('an admin imports a CSV: with a bad row, only importing the valid rows is offered', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'ada', 'ada-password-1');
  await page.goto('assets/import');
  const file = [
    'Asset Tag,Name,Category,Status,Purchase Date',
    'CSV-001,Dell Monitor,Monitor,in_stock,2024-03-01',
    'CSV-002,Broken row,Monitor,in_stock,2024-02-30',
    'CSV-003,Desk phone,Phone,in_repair,',
  ].join('\n');
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'assets.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(
    page.getByText(
      'line 3: bad date in purchase_date: "2024-02-30" (There is no 2024-02-30 on the calendar; enter a real date as YYYY-MM-DD.)',
    ),
  ).toBeVisible();

  // Nothing is offered that must fail: with a bad row, the only choice is importing the others.
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
  await page.goto('assets?q=CSV');
  await expect(page.getByText('No assets match these filters.')).toBeVisible();

  await page.goto('assets/import');
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'assets.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await page.getByRole('button', { name: 'Import the 2 valid rows' }).click();
  await expect(page.getByText('Import finished: 2 created, 0 updated, 1 skipped.')).toBeVisible();
  await page.getByRole('link', { name: 'See the assets' }).click();
  await page.getByLabel('Search').fill('CSV');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('link', { name: 'CSV-001' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'CSV-003' })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByText('More actions').click();
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const csv = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of csv) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  expect(text).toContain('asset_tag,name,category');
  expect(text).toContain('CSV-001,Dell Monitor,Monitor,,,,in_stock,,2024-03-01');
  expect(text).toContain('CSV-003,Desk phone');
  expect(text).not.toContain('A-00001');
  await context.close();
});

test('a requester sees only the asset checked out to them', async ({ browser }) => {
  const agent = await openBrowser(browser, server.app);
  await signIn(agent.page, 'agnes', 'agnes-password-1');
  await agent.page.goto(laptopUrl());
  await pickOption(agent.page, 'Check out to', 'dave', 'dave (dave)');
  await agent.page.getByRole('button', { name: 'Check out' }).click();
  await expect(agent.page.getByText('A-00001 checked out to dave.')).toBeVisible();
  await agent.page.goto('assets?q=CSV-003');
  await agent.page.getByRole('link', { name: 'CSV-003' }).click();
  await agent.page.waitForURL(/\/assets\/[0-9a-f-]{36}$/);
  const otherUrl = agent.page.url();
  const otherId = idOf(otherUrl);
  await agent.context.close();

  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'dave', 'dave-password-1');
  await page.getByRole('link', { name: 'My assets', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'My assets' })).toBeVisible();
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await page.getByRole('link', { name: 'A-00001' }).click();
  await expect(page.getByRole('heading', { name: 'A-00001 ThinkPad T14' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Photo of A-00001 ThinkPad T14' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Check in' })).toHaveCount(0);
  // Only when it was checked out to them and back: not its edits or its image.
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.locator('tbody tr')).toHaveCount(3);
  await expect(history.locator('tbody tr').first()).toContainText('Checked out to dave');
  await expect(history).not.toContainText(/Created|Edited|Image/);
  expect((await page.goto(`${laptopUrl()}/edit`))?.status()).toBe(404);

  // Past the last page: where the list ends, not "No assets are checked out to you."
  await page.goto('assets?page=9');
  await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText(
    'Page 9 is past the end of this list (1 in all).',
  );
  await expect(page.getByText('No assets are checked out to you.')).toHaveCount(0);

  const notFound = await page.goto(otherUrl);
  expect(notFound?.status()).toBe(404);
  const api = await page.request.get(`${server.app.baseURL}api/assets/${otherId}`);
  expect(api.status()).toBe(404);
  expect((await api.json()).error.code).toBe('not_found');
  const image = await page.request.get(`${server.app.baseURL}api/assets/${otherId}/image`);
  expect(image.status()).toBe(404);
  const list = await (await page.request.get(`${server.app.baseURL}api/assets`)).json();
  expect(list.items.map((asset: { assetTag: string }) => asset.assetTag)).toEqual(['A-00001']);
  const change = await page.request.patch(`${server.app.baseURL}api/assets/${laptopId}`, {
    data: { name: 'Mine', version: 1 },
  });
  expect(change.status()).toBe(404);
  await context.close();
});

test('the JSON API: create, duplicate, stale update, check-out and check-in, image checks, strict lists', async ({
  browser,
}) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'agnes', 'agnes-password-1');
  const api = (path: string) => `${server.app.baseURL}api/${path}`;

  const created = await page.request.post(api('assets'), {
    data: { assetTag: 'API-1', name: 'Switch', category: 'Network', purchaseCost: 99.5 },
  });
  expect(created.status()).toBe(201);
  const { asset } = await created.json();
  expect(asset).toMatchObject({
    assetTag: 'API-1',
    purchaseCost: '99.50',
    status: 'in_stock',
    assignedTo: null,
    hasImage: false,
    version: 1,
  });
  // The page shows the cost with the instance's currency (CURRENCY, USD by default).
  await page.goto(`assets/${asset.id}`);
  await expect(page.getByText('for US$99.50')).toBeVisible();

  const duplicate = await page.request.post(api('assets'), { data: { assetTag: 'api-1', name: 'Again' } });
  expect(duplicate.status()).toBe(409);
  expect((await duplicate.json()).error.fields).toEqual({ assetTag: 'Already used by API-1.' });

  const renamed = await page.request.patch(api(`assets/${asset.id}`), { data: { name: 'Core switch', version: 1 } });
  expect((await renamed.json()).asset.version).toBe(2);
  const stale = await page.request.patch(api(`assets/${asset.id}`), { data: { name: 'Stale', version: 1 } });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error.message).toBe('Changed by someone else — reload the page and try again.');

  const me = await (await page.request.get(api('auth/me'))).json();
  const out = await page.request.post(api(`assets/${asset.id}/checkout`), {
    data: { userId: me.user.id, expectedReturn: '2999-06-30' },
  });
  expect((await out.json()).asset).toMatchObject({
    status: 'deployed',
    expectedReturn: '2999-06-30',
    assignedTo: { username: 'agnes' },
  });
  const again = await page.request.post(api(`assets/${asset.id}/checkout`), { data: { userId: me.user.id } });
  expect(again.status()).toBe(409);
  expect((await again.json()).error.message).toMatch(/already checked out to agnes/);
  const back = await page.request.post(api(`assets/${asset.id}/checkin`));
  expect((await back.json()).asset).toMatchObject({ status: 'in_stock', assignedTo: null });

  const html = await page.request.put(api(`assets/${asset.id}/image`), {
    multipart: {
      image: { name: 'x.png', mimeType: 'image/png', buffer: Buffer.from('<html><script>alert(1)</script></html>') },
    },
  });
  expect(html.status()).toBe(415);
  const huge = await page.request.put(api(`assets/${asset.id}/image`), {
    multipart: {
      image: {
        name: 'big.png',
        mimeType: 'image/png',
        buffer: Buffer.concat([tinyPng(), Buffer.alloc(6 * 1024 * 1024)]),
      },
    },
  });
  expect(huge.status()).toBe(413);
  expect((await huge.json()).error.message).toContain('at most 5 MB');
  expect((await page.request.get(api(`assets/${asset.id}/image`))).status()).toBe(404);

  const bad = await page.request.get(api('assets?status=broken&pageSize=500&colour=red'));
  expect(bad.status()).toBe(400);
  expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(['body', 'pageSize', 'status'].sort());
  const list = await (await page.request.get(api('assets?category=Network&sort=tag&dir=asc'))).json();
  expect(list).toMatchObject({ page: 1, pageSize: 25, total: 1, items: [{ assetTag: 'API-1', name: 'Core switch' }] });

  const foreign = await page.request.post(api('assets'), {
    data: { assetTag: 'API-2', name: 'Evil' },
    headers: { Origin: 'https://evil.example' },
  });
  expect(foreign.status()).toBe(403);
  await context.close();
});
