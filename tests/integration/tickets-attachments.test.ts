import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import { attachmentResponse, contentDisposition, servedContentType } from '../../lib/http/attachment-download';
import { listVisibleAttachments, readVisibleAttachment } from '../../lib/tickets/attachment-queries';
import {
  attachmentContentType,
  attachmentFilename,
  attachmentsFromFiles,
  maxFilesPerUpload,
  storeAttachments,
  type NewAttachment,
} from '../../lib/tickets/attachments';
import { addComment, createTicket } from '../../lib/tickets/mutations';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

const maxBytes = 4096;
const { db, rows } = await useTestDatabase({ ATTACHMENT_MAX_BYTES: String(maxBytes) });

const signedIn = async (role: Actor['role']) =>
  actorFor(await createTestUser(db, { role }), { ipAddress: '192.0.2.16' });
const agent = await signedIn('agent');
const requester = await signedIn('requester');
const otherRequester = await signedIn('requester');

const file = (filename: string, text: string, contentType = 'text/plain'): NewAttachment => ({
  filename,
  contentType,
  bytes: Buffer.from(text),
});
const refusedWith = (code: string, message: RegExp) => (error: unknown) =>
  error instanceof AppError && error.code === code && message.test(error.message);
const attachmentCount = async (ticketId: string) =>
  (await rows<{ n: number }>(sql`select count(*)::int as n from ticket_attachments where ticket_id = ${ticketId}`))[0]
    .n;

/** A requester's ticket with a file on its description, on a public reply and on an internal note. */
async function ticketWithFiles() {
  return db.transaction(async (tx) => {
    const ticket = await createTicket(tx, requester, { title: 'Scanner jams', description: 'See the photo.' });
    const [onDescription] = await storeAttachments(tx, requester, { ticketId: ticket.id, commentId: null }, [
      file('jam.png', 'png bytes', 'image/png'),
    ]);
    const reply = await addComment(tx, agent, { ticketId: ticket.id, body: 'Try this driver.', internal: false });
    const [onReply] = await storeAttachments(tx, agent, { ticketId: ticket.id, commentId: reply.id }, [
      file('driver-notes.txt', 'step 1'),
    ]);
    const note = await addComment(tx, agent, { ticketId: ticket.id, body: 'Vendor contract attached', internal: true });
    const [onNote] = await storeAttachments(tx, agent, { ticketId: ticket.id, commentId: note.id }, [
      file('contract.pdf', '%PDF secret', 'application/pdf'),
    ]);
    return { ticket, reply, note, onDescription, onReply, onNote };
  });
}

describe('storing and listing', () => {
  test('files are stored with their metadata and listed for staff on the description, reply and note', async () => {
    const { ticket, reply, note } = await ticketWithFiles();
    // All three were stored in one transaction (one instant): the listing orders them by name.
    const listed = await listVisibleAttachments(db, agent, ticket.id);
    assert.deepEqual(
      listed.map(({ filename, contentType, size, commentId }) => ({ filename, contentType, size, commentId })),
      [
        { filename: 'contract.pdf', contentType: 'application/pdf', size: 11, commentId: note.id },
        { filename: 'driver-notes.txt', contentType: 'text/plain', size: 6, commentId: reply.id },
        { filename: 'jam.png', contentType: 'image/png', size: 9, commentId: null },
      ],
    );
    assert.equal('bytes' in listed[0], false, 'a listing never carries the bytes');
  });

  test('a requester lists the description and public replies, never an internal note, and nothing of another ticket', async () => {
    const { ticket } = await ticketWithFiles();
    const listed = await listVisibleAttachments(db, requester, ticket.id);
    assert.deepEqual(
      listed.map((item) => item.filename),
      ['driver-notes.txt', 'jam.png'],
    );
    assert.deepEqual(await listVisibleAttachments(db, otherRequester, ticket.id), []);
  });
});

describe('reading one file', () => {
  test('staff read any file with its bytes; the requester reads theirs but not the internal note', async () => {
    const { ticket, onDescription, onReply, onNote } = await ticketWithFiles();
    const read = (actor: Actor, attachmentId: string) =>
      readVisibleAttachment(db, actor, { ticketId: ticket.id, attachmentId });
    assert.equal((await read(agent, onNote.id)).bytes.toString(), '%PDF secret');
    assert.equal((await read(requester, onDescription.id)).bytes.toString(), 'png bytes');
    assert.equal((await read(requester, onReply.id)).filename, 'driver-notes.txt');
    const notFound = refusedWith('not_found', /No such attachment/);
    await assert.rejects(read(requester, onNote.id), notFound);
    await assert.rejects(read(otherRequester, onDescription.id), notFound);
    await assert.rejects(read(agent, crypto.randomUUID()), notFound);
    await assert.rejects(read(agent, 'not-a-uuid'), notFound);
    // The right file id under another ticket's id is not found either.
    const other = await db.transaction((tx) => createTicket(tx, requester, { title: 'Other' }));
    await assert.rejects(readVisibleAttachment(db, agent, { ticketId: other.id, attachmentId: onNote.id }), notFound);
  });
});

describe('limits', () => {
  test('a file over ATTACHMENT_MAX_BYTES refuses the whole change: no ticket, no file', async () => {
    const before = (await rows<{ n: number }>(sql`select count(*)::int as n from tickets`))[0].n;
    await assert.rejects(
      db.transaction(async (tx) => {
        const ticket = await createTicket(tx, requester, { title: 'Too big' });
        await storeAttachments(tx, requester, { ticketId: ticket.id, commentId: null }, [
          file('small.txt', 'ok'),
          file('huge.log', 'x'.repeat(maxBytes + 1)),
        ]);
      }),
      (error: unknown) =>
        refusedWith('payload_too_large', /huge\.log is larger than 4 kB/)(error) &&
        (error as AppError).fields?.attachments !== undefined,
    );
    assert.equal((await rows<{ n: number }>(sql`select count(*)::int as n from tickets`))[0].n, before);
    assert.equal(
      (
        await rows<{ n: number }>(sql`select count(*)::int as n from ticket_attachments where filename = 'small.txt'`)
      )[0].n,
      0,
    );
  });

  test('a file exactly at the limit is stored', async () => {
    const ticket = await db.transaction((tx) => createTicket(tx, requester, { title: 'At the limit' }));
    await db.transaction((tx) =>
      storeAttachments(tx, requester, { ticketId: ticket.id, commentId: null }, [
        file('full.bin', 'y'.repeat(maxBytes)),
      ]),
    );
    assert.equal(await attachmentCount(ticket.id), 1);
  });

  test('form files: empty inputs skipped, too many or too large refused on the named field before any bytes are stored', async () => {
    const emptyInput = new File([], '');
    const resentEmptyInput = new File([], 'undefined');
    assert.deepEqual(await attachmentsFromFiles([emptyInput, resentEmptyInput, 'a text value']), []);
    const [read] = await attachmentsFromFiles([new File(['hello'], 'hello.txt', { type: 'text/plain' })]);
    assert.deepEqual(
      { ...read, bytes: read.bytes.toString() },
      {
        filename: 'hello.txt',
        contentType: 'text/plain',
        bytes: 'hello',
      },
    );
    const many = Array.from({ length: maxFilesPerUpload + 1 }, (_, n) => new File(['x'], `f${n}.txt`));
    await assert.rejects(attachmentsFromFiles(many), refusedWith('bad_request', /at most 10 files/));
    await assert.rejects(
      attachmentsFromFiles([new File(['z'.repeat(maxBytes + 1)], 'big.bin')], 'file'),
      (error: unknown) => refusedWith('payload_too_large', /big\.bin/)(error) && !!(error as AppError).fields?.file,
    );
  });
});

describe('names and types', () => {
  test('filenames lose paths and control characters and are never empty', async () => {
    assert.equal(attachmentFilename('C:\\Users\\rita\\report.pdf'), 'report.pdf');
    assert.equal(attachmentFilename('../../etc/passwd'), 'passwd');
    assert.equal(attachmentFilename('bad\u0000na\u001fme\r\n.txt'), 'badname.txt');
    assert.equal(attachmentFilename('   '), 'attachment');
    assert.equal(attachmentFilename('invoice\u202Efdp.exe'), 'invoicefdp.exe');
    assert.equal(attachmentFilename('\u2067report\u2069\u200F.pdf'), 'report.pdf');
    assert.equal(attachmentFilename('x'.repeat(300)).length, 200);
    const ticket = await db.transaction((tx) => createTicket(tx, requester, { title: 'Names' }));
    const [stored] = await db.transaction((tx) =>
      storeAttachments(tx, requester, { ticketId: ticket.id, commentId: null }, [
        file('../secret\u0007.txt', 'a', 'TEXT/HTML; charset=utf-8'),
      ]),
    );
    const read = await readVisibleAttachment(db, requester, { ticketId: ticket.id, attachmentId: stored.id });
    assert.deepEqual([read.filename, read.contentType], ['secret.txt', 'text/html']);
    assert.equal(attachmentContentType('not a type'), 'application/octet-stream');
  });

  test('downloads: safe types only, an encoded filename, nosniff, a sandboxing CSP, inline only for raster images', () => {
    assert.equal(servedContentType('text/html'), 'application/octet-stream');
    assert.equal(servedContentType('image/svg+xml'), 'application/octet-stream');
    assert.equal(servedContentType('application/pdf'), 'application/pdf');
    assert.equal(
      contentDisposition('attachment', 'Rëport "final"; 2026.pdf'),
      `attachment; filename="R_port _final__ 2026.pdf"; filename*=UTF-8''R%C3%ABport%20%22final%22%3B%202026.pdf`,
    );
    const html = attachmentResponse(
      { filename: 'page.html', contentType: 'text/html', bytes: Buffer.from('<script>') },
      { inline: true },
    );
    assert.equal(html.headers.get('content-type'), 'application/octet-stream');
    assert.match(html.headers.get('content-disposition')!, /^attachment;/);
    assert.equal(html.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(html.headers.get('content-security-policy'), "default-src 'none'; sandbox");
    assert.match(html.headers.get('cache-control')!, /private/);
    const svg = attachmentResponse(
      { filename: 'a.svg', contentType: 'image/svg+xml', bytes: Buffer.from('<svg/>') },
      { inline: true },
    );
    assert.match(svg.headers.get('content-disposition')!, /^attachment;/);
    const png = attachmentResponse(
      { filename: 'a.png', contentType: 'image/png', bytes: Buffer.from('x') },
      { inline: true },
    );
    assert.match(png.headers.get('content-disposition')!, /^inline;/);
    assert.equal(png.headers.get('content-type'), 'image/png');
  });
});
