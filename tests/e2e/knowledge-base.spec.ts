import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { signIn } from './support/login-page';
import { openBrowser, useAppServer } from './support/session';

// The knowledge base: an agent writes and publishes an article; a requester typing a new ticket's
// title sees it beside the form, says "This solved it", and the article shows the ticket it saved.

const server = useAppServer((app) => {
  app.createUser('alice', 'alice-password-1', 'agent');
  app.createUser('rita', 'rita-password-1', 'requester');
});

test('an agent publishes an article; a requester sees it while typing a ticket title and counts it as the solution', async ({
  browser,
}) => {
  const agent = await openBrowser(browser, server.app);
  await signIn(agent.page, 'alice');
  await agent.page.getByRole('link', { name: 'Knowledge base' }).click();
  await agent.page.getByRole('link', { name: 'New article' }).click();
  await agent.page.getByLabel('Title').fill('Laptop does not start');
  await agent.page
    .getByLabel('Article (Markdown)')
    .fill('1. Plug in the charger\n2. Hold the **power button** for ten seconds');
  await agent.page.getByLabel('Category').fill('Hardware');
  await agent.page.getByLabel('State').selectOption('published');
  await expectNoSeriousA11yViolations(agent.page);
  await agent.page.getByRole('button', { name: 'Create article' }).click();
  await expect(agent.page.getByText('Article created.')).toBeVisible();
  await expect(agent.page.getByRole('heading', { level: 1, name: 'Laptop does not start' })).toBeVisible();
  await expect(agent.page.locator('strong', { hasText: 'power button' })).toBeVisible();
  await expect(agent.page.getByTestId('article-solved-count')).toHaveText('Saved 0 tickets');
  const articleUrl = agent.page.url();
  await expectNoSeriousA11yViolations(agent.page);

  const requester = await openBrowser(browser, server.app);
  const { page } = requester;
  await signIn(page, 'rita');
  await page.goto('tickets/new');
  await page.getByLabel('Title').pressSequentially('my laptop will not start', { delay: 20 });
  const suggestions = page.getByRole('region', { name: 'Articles that may help' });
  await expect(suggestions.getByRole('link', { name: /Laptop does not start/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await suggestions.getByRole('button', { name: 'This solved it' }).click();
  await expect(suggestions.getByText('Glad it helped: counted.')).toBeVisible();
  // Nothing was opened: the form is still there, with the title typed.
  await expect(page.getByLabel('Title')).toHaveValue('my laptop will not start');

  await page.goto(articleUrl);
  await expect(page.getByTestId('article-solved-count')).toHaveText('Saved 1 ticket');
  await expect(page.getByText('You said this solved your problem.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit article' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await page.goto('kb');
  await page.getByLabel('Search', { exact: true }).fill('laptop');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByRole('link', { name: 'Laptop does not start' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await agent.context.close();
  await requester.context.close();
});

test('an agent links the article into a reply, then turns that reply into a new article draft', async ({ browser }) => {
  const requester = await openBrowser(browser, server.app);
  await signIn(requester.page, 'rita');
  const opened = await requester.page.request.post('api/tickets', { data: { title: 'Laptop dead after update' } });
  expect(opened.status()).toBe(201);
  const ticketId = ((await opened.json()) as { id: string }).id;

  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'alice');
  await page.goto(`tickets/${ticketId}`);
  const reply = page.getByRole('textbox', { name: 'Reply' });
  await reply.fill('This should help: ');
  await page.getByText('Insert article link').click();
  await page.getByLabel('Find an article').fill('laptop');
  await page.getByRole('button', { name: 'Insert “Laptop does not start”' }).click();
  await expect(reply).toHaveValue(/^This should help: \[Laptop does not start\]\(http.*\/kb\/[0-9a-f-]{36}\)$/);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Send reply' }).click();
  const sent = page.locator('.timeline li', { hasText: 'This should help' });
  await expect(sent.getByRole('link', { name: 'Laptop does not start' })).toBeVisible();

  await sent.getByRole('link', { name: 'Turn into article' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New article' })).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue('Laptop dead after update');
  await expect(page.getByLabel('Article (Markdown)')).toHaveValue(/^This should help: \[Laptop does not start\]/);
  await page.getByRole('button', { name: 'Create article' }).click();
  await expect(page.getByText('Article created.')).toBeVisible();
  await expect(page.getByText('Draft', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'its ticket' })).toHaveAttribute(
    'href',
    new RegExp(`/tickets/${ticketId}$`),
  );

  await context.close();
  await requester.context.close();
});
