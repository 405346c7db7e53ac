import { expect, test, type Locator, type Page } from '@playwright/test';
import { LoginPage } from './support/login-page';
import { openBrowser, useAppServer } from './support/session';

// A small limit, so an oversized file is quick to make; the build's body limits stay at the default.
const maxBytes = 64 * 1024;
const server = useAppServer(
  (app) => {
    app.createUser('rita', 'rita-password-1', 'requester');
    app.createUser('alex', 'alex-password-1', 'agent');
  },
  { ATTACHMENT_MAX_BYTES: String(maxBytes) },
);

const shots = process.env.E2E_SCREENSHOT_DIR;
const ticket = { id: '' };
// A small blue PNG.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAADAAAAAgCAIAAADbtmxLAAAAMUlEQVR42u3OQQ0AAAgEoEtiMBMbyxbOBxsBSPW8EiEhISEhISEhISEhISEhISGhSwsRqIBqiJ5v5gAAAABJRU5ErkJggg==',
  'base64',
);
const logFile = { name: 'printer log (1).txt', mimeType: 'text/plain', buffer: Buffer.from('E-42 paper jam\n') };
const photo = { name: 'jam.png', mimeType: 'image/png', buffer: png };
const replyFile = { name: 'driver-fix.txt', mimeType: 'text/plain', buffer: Buffer.from('Install driver 5.1\n') };
const noteFile = { name: 'vendor-contract.txt', mimeType: 'text/plain', buffer: Buffer.from('internal terms') };

async function signIn(page: Page, username: string, password: string) {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(username, password);
  await expect(page).not.toHaveURL(/\/login/);
}

async function screenshot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

async function commentWithFile(page: Page, body: string, file: typeof replyFile, internal = false) {
  await page.getByRole('button', { name: internal ? 'Internal note' : 'Reply', exact: true }).click();
  await page.getByLabel(internal ? 'Internal note' : 'Reply', { exact: true }).fill(body);
  await page.locator('#comment-attachments').setInputFiles(file);
  await page.getByRole('button', { name: internal ? 'Add internal note' : 'Send reply' }).click();
  await expect(page.getByText(internal ? 'Internal note added.' : 'Reply added.')).toBeVisible();
}

const attachmentLink = (page: Page | Locator, filename: string) =>
  page.getByRole('link', { name: filename, exact: true });

test('files on a new ticket and on a reply are listed and download with safe headers', async ({ browser }) => {
  const rita = await openBrowser(browser, server.app);
  await signIn(rita.page, 'rita', 'rita-password-1');
  await rita.page.goto('tickets/new');
  await rita.page.getByLabel('Title').fill('Printer jams on every page');
  await rita.page.getByLabel('Description').fill('Log and photo attached.');
  await expect(rita.page.getByText('Up to 10 files, each at most 64 kB.')).toBeVisible();
  await rita.page.getByLabel('Attachments').setInputFiles([logFile, photo]);
  await screenshot(rita.page, 'new-ticket-with-files');
  await rita.page.getByRole('button', { name: 'Open ticket' }).click();
  await expect(rita.page).toHaveURL(/\/tickets\/[0-9a-f-]{36}$/);
  ticket.id = /tickets\/([0-9a-f-]{36})/.exec(rita.page.url())![1];

  const details = rita.page.getByRole('region', { name: 'Details' });
  await expect(attachmentLink(details, logFile.name)).toBeVisible();
  await expect(details.getByText('15 B · text/plain')).toBeVisible();
  await expect(details.getByRole('img', { name: `Preview of ${photo.name}` })).toBeVisible();

  const download = rita.page.waitForEvent('download');
  await attachmentLink(details, logFile.name).click();
  expect((await download).suggestedFilename()).toBe(logFile.name);

  const href = (await attachmentLink(details, logFile.name).getAttribute('href'))!;
  const file = await rita.page.request.get(href);
  expect(file.status()).toBe(200);
  expect(await file.text()).toBe('E-42 paper jam\n');
  const headers = file.headers();
  expect(headers['content-disposition']).toBe(
    `attachment; filename="printer log (1).txt"; filename*=UTF-8''printer%20log%20%281%29.txt`,
  );
  expect(headers['content-type']).toBe('text/plain');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['content-security-policy']).toBe("default-src 'none'; sandbox");
  expect(headers['cache-control']).toContain('private');
  const thumbnail = details.getByRole('img', { name: `Preview of ${photo.name}` });
  const image = await rita.page.request.get((await thumbnail.getAttribute('src'))!);
  expect(image.headers()['content-disposition']).toMatch(/^inline;/);
  expect(image.headers()['content-type']).toBe('image/png');
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(48);
  await screenshot(rita.page, 'ticket-with-files');

  const alex = await openBrowser(browser, server.app);
  await signIn(alex.page, 'alex', 'alex-password-1');
  await alex.page.goto(`tickets/${ticket.id}`);
  await commentWithFile(alex.page, 'Please install this driver.', replyFile);
  const conversation = alex.page.getByRole('region', { name: 'Conversation and activity' });
  await expect(attachmentLink(conversation, replyFile.name)).toBeVisible();

  await rita.page.goto(`tickets/${ticket.id}`);
  const reply = await rita.page.request.get(
    (await attachmentLink(
      rita.page.getByRole('region', { name: 'Conversation and activity' }),
      replyFile.name,
    ).getAttribute('href'))!,
  );
  expect(await reply.text()).toBe('Install driver 5.1\n');
  await rita.context.close();
  await alex.context.close();
});

test('a requester never sees an internal note’s file, in the page, the JSON or by its address', async ({ browser }) => {
  const alex = await openBrowser(browser, server.app);
  await signIn(alex.page, 'alex', 'alex-password-1');
  await alex.page.goto(`tickets/${ticket.id}`);
  await commentWithFile(alex.page, 'Contract terms for the vendor.', noteFile, true);
  const href = (await attachmentLink(
    alex.page.getByRole('region', { name: 'Conversation and activity' }),
    noteFile.name,
  ).getAttribute('href'))!;
  expect((await alex.page.request.get(href)).status()).toBe(200);
  await alex.page.setViewportSize({ width: 390, height: 844 });
  await screenshot(alex.page, 'ticket-agent-390');
  await alex.context.close();

  const rita = await openBrowser(browser, server.app);
  await signIn(rita.page, 'rita', 'rita-password-1');
  await rita.page.goto(`tickets/${ticket.id}`);
  await expect(attachmentLink(rita.page, replyFile.name)).toBeVisible();
  await expect(rita.page.getByText(noteFile.name)).toHaveCount(0);
  const json = await (await rita.page.request.get(`api/tickets/${ticket.id}`)).json();
  expect(json.attachments.map((file: { filename: string }) => file.filename).sort()).toEqual(
    [logFile.name, photo.name, replyFile.name].sort(),
  );
  const refused = await rita.page.request.get(href);
  expect(refused.status()).toBe(404);
  expect((await refused.json()).error.code).toBe('not_found');
  await rita.page.setViewportSize({ width: 390, height: 844 });
  await screenshot(rita.page, 'ticket-requester-390');
  await rita.context.close();
});

test('an oversized file gets its message beside the field, and the API refuses it with 413', async ({ browser }) => {
  const rita = await openBrowser(browser, server.app);
  await signIn(rita.page, 'rita', 'rita-password-1');
  await rita.page.goto(`tickets/${ticket.id}`);
  const before = (await (await rita.page.request.get(`api/tickets/${ticket.id}`)).json()).comments.length;
  const big = { name: 'huge.log', mimeType: 'text/plain', buffer: Buffer.alloc(maxBytes + 1, 'x') };
  const field = rita.page.locator('#comment-attachments');
  await field.setInputFiles(big);
  await expect(rita.page.locator('#comment-attachments-error')).toHaveText('huge.log is larger than 64 kB.');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveJSProperty('value', '');
  await rita.page.setViewportSize({ width: 390, height: 844 });
  await screenshot(rita.page, 'oversized-390');

  const upload = await rita.page.request.post(`api/tickets/${ticket.id}/attachments`, {
    multipart: { body: 'Here is the whole log.', file: big },
  });
  expect(upload.status()).toBe(413);
  expect((await upload.json()).error.code).toBe('payload_too_large');
  const after = await (await rita.page.request.get(`api/tickets/${ticket.id}`)).json();
  expect(after.comments.length).toBe(before);
  expect(after.attachments.some((file: { filename: string }) => file.filename === big.name)).toBe(false);

  const accepted = await rita.page.request.post(`api/tickets/${ticket.id}/attachments`, {
    multipart: { body: 'The small part of the log.', file: logFile },
  });
  expect(accepted.status()).toBe(201);
  const created = await accepted.json();
  expect(created.comment.body).toBe('The small part of the log.');
  expect(created.attachments).toMatchObject([{ filename: logFile.name, size: 15, contentType: 'text/plain' }]);
  const noFile = await rita.page.request.post(`api/tickets/${ticket.id}/attachments`, {
    multipart: { body: 'No file here.' },
  });
  expect(noFile.status()).toBe(400);
  expect((await noFile.json()).error.message).toMatch(/Attach at least one file/);
  await rita.context.close();
});
