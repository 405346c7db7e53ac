import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { renameCatalogValue } from '../../lib/catalog/admin';
import { AppError } from '../../lib/errors';
import { articleDraftFromComment } from '../../lib/kb/from-comment';
import { createArticle, markArticleSolved, updateArticle } from '../../lib/kb/mutations';
import { getArticle, listArticleCategories, listArticles, suggestArticles } from '../../lib/kb/queries';
import { articleListPageSchema } from '../../lib/kb/schemas';
import { addComment, createTicket, updateTicket } from '../../lib/tickets/mutations';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

// The knowledge base (lib/kb): who reads what, how search ranks, the "This solved it" count, and a
// reply turned into an article draft.

const { db, rows } = await useTestDatabase();

const admin = actorFor(await createTestUser(db, { role: 'admin' }));
const agent = actorFor(await createTestUser(db, { role: 'agent' }));
const requester = actorFor(await createTestUser(db, { role: 'requester' }));
const otherRequester = actorFor(await createTestUser(db, { role: 'requester' }));

type Fields = Parameters<typeof createArticle>[2];
const write = (fields: Partial<Fields> & { title: string }, actor = agent) =>
  db.transaction((tx) => createArticle(tx, actor, { body: 'Steps to follow.', ...fields }));

const refusedWith = (code: string, field?: string) => (error: unknown) => {
  assert.ok(error instanceof AppError, String(error));
  assert.equal(error.code, code, error.message);
  if (field) assert.ok(error.fields?.[field], `expected a message for ${field}`);
  return true;
};

const unchanged = { body: 'Steps to follow.', status: 'published', visibility: 'everyone' } as const;
const listQuery = (fields: Record<string, string> = {}) => articleListPageSchema.parse(fields);

const published = await write({ title: 'Connect to the office VPN', status: 'published', category: 'Network' });
const draft = await write({ title: 'Draft about the VPN client', status: 'draft' });
const staffOnly = await write({ title: 'VPN server restart', status: 'published', visibility: 'staff' });

describe('knowledge base: who reads what', () => {
  test('a requester reads published articles meant for everyone; anything else is not found', async () => {
    const listed = await listArticles(db, requester, listQuery());
    const ids = listed.items.map((item) => item.id);
    assert.ok(ids.includes(published.id));
    assert.ok(!ids.includes(draft.id) && !ids.includes(staffOnly.id));
    assert.equal((await getArticle(db, requester, published.id)).title, 'Connect to the office VPN');
    await assert.rejects(getArticle(db, requester, draft.id), refusedWith('not_found'));
    await assert.rejects(getArticle(db, requester, staffOnly.id), refusedWith('not_found'));
    await assert.rejects(getArticle(db, requester, 'not-a-uuid'), refusedWith('not_found'));
  });

  test('staff read every article, and a requester may not write one', async () => {
    const ids = (await listArticles(db, agent, listQuery({ pageSize: '100' }))).items.map((item) => item.id);
    for (const article of [published, draft, staffOnly]) assert.ok(ids.includes(article.id));
    await assert.rejects(write({ title: 'Mine' }, requester), refusedWith('not_found'));
    await assert.rejects(
      db.transaction((tx) =>
        updateArticle(tx, requester, { ...unchanged, articleId: published.id, version: 1, title: 'Changed' }),
      ),
      refusedWith('not_found'),
    );
  });

  test("a requester's category filter lists only the categories of articles they may read", async () => {
    const run = Date.now().toString(36);
    await write({ title: 'Wi-Fi guest access', category: `Public${run}`, status: 'published' });
    await write({ title: 'Controller passwords', category: `Secret${run}`, status: 'published', visibility: 'staff' });
    await write({ title: 'Half written', category: `Draft${run}`, status: 'draft' });
    const forRequester = await listArticleCategories(db, requester);
    assert.ok(forRequester.includes(`Public${run}`));
    assert.ok(!forRequester.includes(`Secret${run}`) && !forRequester.includes(`Draft${run}`));
    const forAgent = await listArticleCategories(db, agent);
    for (const name of [`Public${run}`, `Secret${run}`, `Draft${run}`]) assert.ok(forAgent.includes(name), name);
  });

  test('a category is saved in its listed spelling; a new one joins the list, and a rename reaches articles', async () => {
    const run = Date.now().toString(36);
    assert.ok((await listArticleCategories(db, agent)).includes('Network'));
    const printers = await write({ title: 'Printer jams', category: `Printers${run}` });
    const again = await write({ title: 'Printer toner', category: `PRINTERS${run}` });
    assert.equal((await getArticle(db, agent, again.id)).category, `Printers${run}`);
    const [value] = await rows<{ id: string }>(
      sql`select id from catalog_values where kind = 'kb_category' and name = ${`Printers${run}`}`,
    );
    const renamed = await db.transaction((tx) => renameCatalogValue(tx, admin, { id: value.id, name: `Print${run}` }));
    assert.equal(renamed.uses, 2);
    assert.equal((await getArticle(db, agent, printers.id)).category, `Print${run}`);
  });

  test('an edit is audited, and one made from an older version is refused', async () => {
    const article = await write({ title: 'Reset a password', body: 'Old steps.' });
    const first = await db.transaction((tx) =>
      updateArticle(tx, agent, {
        articleId: article.id,
        version: 1,
        title: 'Reset your password',
        body: 'New steps.',
        status: 'published',
        visibility: 'everyone',
      }),
    );
    assert.deepEqual(first, { changed: true, version: 2 });
    await assert.rejects(
      db.transaction((tx) =>
        updateArticle(tx, admin, { ...unchanged, articleId: article.id, version: 1, title: 'Stale' }),
      ),
      refusedWith('conflict'),
    );
    const audit = await rows<{ action: string; details: { changes?: Record<string, unknown> } }>(
      sql`select action, details from audit_log where target_type = 'kb_article' and target_id = ${article.id} order by id`,
    );
    assert.deepEqual(
      audit.map((row) => row.action),
      ['kb_article.create', 'kb_article.update'],
    );
    assert.deepEqual(Object.keys(audit[1].details.changes ?? {}).sort(), ['body', 'status', 'title']);
    const read = await getArticle(db, requester, article.id);
    assert.ok(read.publishedAt instanceof Date);
    await assert.rejects(
      db.transaction((tx) =>
        updateArticle(tx, agent, { articleId: article.id, version: 2, title: 'No state', body: 'x' } as never),
      ),
      refusedWith('validation_failed', 'status'),
    );
    await assert.rejects(
      db.transaction((tx) => updateArticle(tx, agent, { ...unchanged, articleId: article.id, version: 2, title: '' })),
      refusedWith('validation_failed', 'title'),
    );
  });
});

describe('knowledge base: search', () => {
  test('the list finds every word as a prefix, the title match first', async () => {
    const inBody = await write({
      title: 'Shared mailbox access',
      body: 'Ask for it, then the printer queue appears too.',
      status: 'published',
    });
    const inTitle = await write({ title: 'Printer queue stuck', body: 'Restart the spooler.', status: 'published' });
    const found = await listArticles(db, requester, listQuery({ q: 'print queue' }));
    const ids = found.items.map((item) => item.id);
    assert.deepEqual(ids.slice(0, 2), [inTitle.id, inBody.id]);
    const none = await listArticles(db, requester, listQuery({ q: 'printer zebra' }));
    assert.equal(none.total, 0);
  });

  test("suggestions for a ticket's title: any word, best three, published and visible only", async () => {
    await write({ title: 'Laptop does not start', body: 'Hold the power button.', status: 'published' });
    await write({ title: 'Laptop battery drains', body: 'Check the power settings.', status: 'published' });
    await write({ title: 'Laptop docking station', status: 'published' });
    await write({ title: 'Laptop screen flickers', status: 'published' });
    await write({ title: 'Laptop will not start (draft)', status: 'draft' });
    await write({ title: 'Laptop start for staff', status: 'published', visibility: 'staff' });
    const suggested = await suggestArticles(db, requester, { q: 'my laptop will not start', limit: 3 });
    assert.equal(suggested.length, 3);
    assert.equal(suggested[0].title, 'Laptop does not start');
    assert.ok(suggested.every((item) => !/draft|staff/.test(item.title)));
    const forStaff = await suggestArticles(db, agent, { q: 'laptop start staff', limit: 3 });
    assert.equal(forStaff[0].title, 'Laptop start for staff');
    assert.deepEqual(await suggestArticles(db, requester, { q: '?! a', limit: 3 }), []);
  });

  test('a long title keeps its telling words: the short ones are dropped before the word limit', async () => {
    await write({ title: 'VPN connection fails', body: 'Renew the certificate.', status: 'published' });
    const suggested = await suggestArticles(db, requester, {
      q: 'I am on a PC at my new job and the VPN fails',
      limit: 3,
    });
    assert.equal(suggested[0]?.title, 'VPN connection fails');
  });
});

describe('knowledge base: "This solved it"', () => {
  test('counts once per person, closes nothing, and shows on the article', async () => {
    const article = await write({ title: 'Clear the browser cache', status: 'published' });
    const first = await db.transaction((tx) => markArticleSolved(tx, requester, { articleId: article.id }));
    assert.deepEqual(first, { solvedCount: 1, counted: true });
    const repeat = await db.transaction((tx) => markArticleSolved(tx, requester, { articleId: article.id }));
    assert.deepEqual(repeat, { solvedCount: 1, counted: false });
    await db.transaction((tx) => markArticleSolved(tx, otherRequester, { articleId: article.id }));
    const read = await getArticle(db, requester, article.id);
    assert.equal(read.solvedCount, 2);
    assert.equal(read.solvedByReader, true);
    assert.equal(read.version, 1, 'a count is no edit');
    const [who] = await rows<{ users: number }>(
      sql`select count(*)::int as users from kb_article_solutions where article_id = ${article.id}`,
    );
    assert.equal(who.users, 2);
    await assert.rejects(
      db.transaction((tx) => markArticleSolved(tx, requester, { articleId: draft.id })),
      refusedWith('not_found'),
    );
    await assert.rejects(
      db.transaction((tx) => markArticleSolved(tx, agent, { articleId: draft.id })),
      refusedWith('conflict'),
    );
  });
});

describe('knowledge base: a reply turned into an article', () => {
  test("an agent's reply prefills a draft that keeps its ticket; a requester gets not found", async () => {
    const ticket = await db.transaction((tx) =>
      createTicket(tx, requester, { title: 'Outlook keeps asking for a password' }),
    );
    const reply = await db.transaction((tx) =>
      addComment(tx, agent, { ticketId: ticket.id, body: '1. Open Credential Manager\n2. Remove the Outlook entries' }),
    );
    const prefilled = await articleDraftFromComment(db, agent, { ticketId: ticket.id, commentId: reply.id });
    assert.deepEqual(prefilled, {
      title: 'Outlook keeps asking for a password',
      body: '1. Open Credential Manager\n2. Remove the Outlook entries',
      sourceTicketId: ticket.id,
    });
    const article = await db.transaction((tx) => createArticle(tx, agent, prefilled));
    const read = await getArticle(db, agent, article.id);
    assert.equal(read.status, 'draft');
    assert.equal(read.sourceTicketId, ticket.id);
    await assert.rejects(
      articleDraftFromComment(db, requester, { ticketId: ticket.id, commentId: reply.id }),
      refusedWith('not_found'),
    );
    const otherTicket = await db.transaction((tx) => createTicket(tx, otherRequester, { title: 'Another' }));
    await assert.rejects(
      articleDraftFromComment(db, agent, { ticketId: otherTicket.id, commentId: reply.id }),
      refusedWith('not_found'),
    );
  });
});

describe('knowledge base: links in a ticket reply', () => {
  test('a public reply offers and takes only articles its requester may open; an internal note any', async () => {
    const open = await write({ title: 'Badge reader offline', status: 'published' });
    const staffArticle = await write({ title: 'Badge reader firmware', status: 'published', visibility: 'staff' });
    const ticket = await db.transaction((tx) => createTicket(tx, requester, { title: 'My badge is not accepted' }));
    const query = { q: 'badge reader', limit: 5 };
    const titles = (items: { title: string }[]) => items.map((item) => item.title).sort();

    assert.deepEqual(titles(await suggestArticles(db, agent, query)), [
      'Badge reader firmware',
      'Badge reader offline',
    ]);
    assert.deepEqual(titles(await suggestArticles(db, agent, { ...query, ticketId: ticket.id })), [
      'Badge reader offline',
    ]);
    // A requester who is staff may open every article, so their ticket's replies may offer all.
    const staffTicket = await db.transaction((tx) => createTicket(tx, agent, { title: 'Badge for the new hire' }));
    assert.equal((await suggestArticles(db, agent, { ...query, ticketId: staffTicket.id })).length, 2);
    await assert.rejects(
      suggestArticles(db, otherRequester, { ...query, ticketId: ticket.id }),
      refusedWith('not_found'),
    );

    const link = (article: { id: string }) => `See [the article](http://127.0.0.1:3000/kb/${article.id}).`;
    const reply = (body: string, internal = false, actor = agent) =>
      db.transaction((tx) => addComment(tx, actor, { ticketId: ticket.id, body, internal }));
    await assert.rejects(reply(link(staffArticle)), (error: unknown) => {
      refusedWith('validation_failed', 'body')(error);
      assert.match((error as AppError).fields!.body, /cannot open the article “Badge reader firmware”/);
      return true;
    });
    await assert.rejects(reply(link(draft)), refusedWith('validation_failed', 'body'), 'nor a draft');
    await reply(link(staffArticle), true);
    await reply(link(open));
    // The requester's own reply is not checked: the refusal would name an article they may not see.
    await reply(link(staffArticle), false, requester);
    const [stored] = await rows<{ replies: number }>(
      sql`select count(*)::int as replies from ticket_comments where ticket_id = ${ticket.id}`,
    );
    assert.equal(stored.replies, 3, "the note, the reply with an article for everyone, the requester's");

    // The description is read by the requester too: staff writing it are held to the same rule.
    const forRequester = { title: 'Badge', requesterId: requester.id };
    await assert.rejects(
      db.transaction((tx) => createTicket(tx, agent, { ...forRequester, description: link(staffArticle) })),
      refusedWith('validation_failed', 'description'),
    );
    const [{ version }] = await rows<{ version: number }>(sql`select version from tickets where id = ${ticket.id}`);
    await assert.rejects(
      db.transaction((tx) => updateTicket(tx, agent, { ticketId: ticket.id, version, description: link(draft) })),
      refusedWith('validation_failed', 'description'),
    );
    await db.transaction((tx) => createTicket(tx, agent, { ...forRequester, description: link(open) }));
  });
});
