import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { ImapFlow } from 'imapflow';
import type { AppConfig } from '../../config';
import type { Database } from '../../db/client';
import { mailMessages } from '../../db/schema-mail';
import { connectImap, imapSettings } from './imap-connection';
import { describeError, log } from '../../log';
import { bareAddress, cleanMessageId } from './mail-headers';
import { processIncomingMail, type IntakeResult, type IntakeSettings } from './process-message';
import { findSender } from './sender';

// One pass over the mailbox: every unread mail not yet recorded is processed, each in its own
// transaction, then flagged \Seen (or moved) after that commits. A crash between the two leaves a
// recorded mail unread: the next pass finds its Message-ID recorded and only flags it.

export type FetchOptions = {
  /** How long to stay connected afterwards, handling new mail as IDLE reports it (0: not at all). */
  idleMs: number;
  /** Stop taking new mails after this long; the rest wait for the next pass. */
  workBudgetMs?: number;
  /** Ends the IDLE wait early (the server shutting down). */
  signal?: AbortSignal;
};

const defaultWorkBudgetMs = 2 * 60 * 1000;

type Pass = { client: ImapFlow; db: Database; settings: IntakeSettings; processedFolder?: string; until: number };

// Read, and (with IMAP_PROCESSED_FOLDER) moved out of the way as well; never deleted.
async function markDone(pass: Pass, uid: number): Promise<void> {
  await pass.client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
  if (pass.processedFolder) await pass.client.messageMove(String(uid), pass.processedFolder, { uid: true });
}

/** Message-IDs recorded already, with what became of them. */
async function recordedOutcomes(db: Database, messageIds: string[]): Promise<Map<string, string>> {
  if (messageIds.length === 0) return new Map();
  const rows = await db
    .select({ messageId: mailMessages.messageId, outcome: mailMessages.outcome })
    .from(mailMessages)
    .where(and(eq(mailMessages.direction, 'in'), inArray(mailMessages.messageId, messageIds)));
  return new Map(rows.map((row) => [row.messageId, row.outcome]));
}

type Envelope = { messageId?: string; from?: string };

/** Whether a mail refused for its unknown sender still is: then it is not downloaded again. */
async function stillRejected(pass: Pass, envelope: Envelope): Promise<boolean> {
  if (pass.settings.unknownSenders !== 'reject' || !envelope.from) return false;
  return (await findSender(pass.db, envelope.from)) === null;
}

async function processUnread(pass: Pass): Promise<IntakeResult[]> {
  const { client } = pass;
  const uids = (await client.search({ seen: false }, { uid: true })) || [];
  if (uids.length === 0) return [];
  // Envelopes first: a mail recorded already is only flagged, without downloading it again.
  const envelopes = new Map<number, Envelope>();
  for await (const message of client.fetch(uids, { uid: true, envelope: true }, { uid: true }))
    envelopes.set(message.uid, {
      messageId: cleanMessageId(message.envelope?.messageId) ?? undefined,
      from: message.envelope?.from?.[0]?.address?.toLowerCase(),
    });
  const recorded = await recordedOutcomes(
    pass.db,
    [...envelopes.values()].flatMap((envelope) => (envelope.messageId ? [envelope.messageId] : [])),
  );

  const results: IntakeResult[] = [];
  const failures: unknown[] = [];
  for (const uid of uids) {
    if (Date.now() > pass.until) break;
    const envelope = envelopes.get(uid) ?? {};
    const outcome = envelope.messageId ? recorded.get(envelope.messageId) : undefined;
    if (outcome === 'unknown_sender' && (await stillRejected(pass, envelope))) continue;
    if (outcome !== undefined && outcome !== 'unknown_sender') {
      await markDone(pass, uid);
      results.push({
        messageId: envelope.messageId!,
        outcome: 'duplicate',
        ticketId: null,
        commentId: null,
        mailbox: 'mark',
      });
      continue;
    }
    const message = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
    if (!message || !message.source) continue;
    let result: IntakeResult;
    try {
      result = await processIncomingMail(pass.db, message.source, pass.settings);
    } catch (error) {
      // Left unread for the next pass; one mail that fails never holds up the ones after it.
      log.error('mail.in.failed', { uid, ...describeError(error) });
      failures.push(error);
      continue;
    }
    if (result.mailbox === 'mark') await markDone(pass, uid);
    results.push(result);
  }
  if (failures.length > 0) {
    const first = describeError(failures[0]).message;
    throw new Error(`${failures.length} mail(s) could not be processed and stay unread; the first: ${String(first)}`, {
      cause: failures[0],
    });
  }
  return results;
}

/** Resolves true when the server reports new mail in the open mailbox; false after `ms`, on disconnect or abort. */
function newMailWithin(client: ImapFlow, ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (value: boolean) => {
      clearTimeout(timer);
      client.off('exists', onExists);
      client.off('close', onClose);
      signal?.removeEventListener('abort', onClose);
      resolve(value);
    };
    const onExists = () => finish(true);
    const onClose = () => finish(false);
    const timer = setTimeout(() => finish(false), ms);
    client.on('exists', onExists);
    client.on('close', onClose);
    signal?.addEventListener('abort', onClose);
    if (signal?.aborted) finish(false);
  });
}

/**
 * Reads the mailbox of IMAP_URL once (then, for `idleMs`, whatever new mail IDLE announces) and
 * returns what became of each mail. An unreachable server or refused login throws ImapConnectError.
 */
export async function fetchMail(db: Database, config: AppConfig, options: FetchOptions): Promise<IntakeResult[]> {
  if (!config.mail.imapUrl) throw new Error('IMAP_URL is not set: incoming mail is off.');
  const imap = imapSettings(config.mail.imapUrl);
  const client = await connectImap(imap);
  try {
    await client.mailboxOpen(imap.mailbox);
    // Made when missing; the server may put it under its namespace, so its own path is used.
    const processedFolder = config.mail.processedFolder
      ? (await client.mailboxCreate(config.mail.processedFolder)).path
      : undefined;
    const pass: Pass = {
      client,
      db,
      processedFolder,
      settings: { ownAddress: bareAddress(config.mail.from), unknownSenders: config.mail.unknownSenders },
      until: Date.now() + (options.workBudgetMs ?? defaultWorkBudgetMs),
    };
    // Mail announced while a pass runs is remembered, so the wait after it does not miss it.
    let announced = false;
    client.on('exists', () => (announced = true));
    const results = await processUnread(pass);
    // A backlog left over when the budget ran out is for the next job, not for a wait.
    if (Date.now() > pass.until) return results;
    const idleUntil = Date.now() + options.idleMs;
    while (Date.now() < idleUntil && client.usable && !options.signal?.aborted) {
      if (!announced && !(await newMailWithin(client, idleUntil - Date.now(), options.signal))) break;
      announced = false;
      // Mail arriving now is taken until the wait ends, so the whole job stays within its expiry.
      pass.until = idleUntil;
      results.push(...(await processUnread(pass)));
    }
    return results;
  } finally {
    await client.logout().catch(() => client.close());
  }
}
