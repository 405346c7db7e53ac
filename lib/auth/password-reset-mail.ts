import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getConfig } from '../config';
import { sha256 } from '../crypto/sha256';
import { getDb } from '../db/client';
import { users } from '../db/schema';
import { mailMessages, passwordResetTokens } from '../db/schema-mail';
import { mailDomain, newMessageId, publicLink, renderMail } from '../mail/outgoing/compose';
import { passwordResetOutcome } from '../mail/outgoing/kinds';
import { deliverMail } from '../mail/outgoing/send';

// The 'password-reset' job: makes the single-use token, keeps only its SHA-256, and mails the link.
// Its data is the user id alone, so no usable token is ever written to the database.

export const resetTokenMinutes = 30;

export function resetTokenHash(token: string): string {
  return sha256(token, 'hex');
}

const jobSchema = z.object({ userId: z.uuid() });

export async function sendPasswordResetJob(data: unknown): Promise<void> {
  const parsed = jobSchema.safeParse(data);
  if (!parsed.success) throw new Error('A password-reset job names no user.');
  const config = getConfig();
  const db = await getDb();
  const [user] = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      username: users.username,
      email: users.email,
      active: users.active,
    })
    .from(users)
    .where(eq(users.id, parsed.data.userId))
    .limit(1);
  // Disabled or without an address since the request: there is nobody to mail.
  if (!user || !user.active || !user.email || !config.publicUrl) return;

  const token = randomBytes(32).toString('base64url');
  const messageId = newMessageId(mailDomain(config.mail.from, config.publicUrl));
  const tokenId = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(passwordResetTokens)
      .values({
        userId: user.id,
        tokenHash: resetTokenHash(token),
        expiresAt: sql`now() + make_interval(mins => ${resetTokenMinutes})`,
      })
      .returning({ id: passwordResetTokens.id });
    await tx
      .insert(mailMessages)
      .values({ direction: 'out', messageId, userId: user.id, outcome: passwordResetOutcome });
    return row.id;
  });

  const link = publicLink(config.publicUrl, `/reset-password?token=${token}`);
  const content = renderMail({
    subject: 'Reset your password',
    paragraphs: [
      `Hello ${user.displayName},`,
      `Someone (hopefully you) asked to set a new password for the account "${user.username}". The link below works once, for ${resetTokenMinutes} minutes.`,
      'If you did not ask for this, ignore this mail: your password stays as it is.',
    ],
    link: { label: 'Set a new password', href: link },
  });
  try {
    await deliverMail({ to: user.email, subject: 'Reset your password', messageId, ...content });
  } catch (error) {
    // A link that never left must not stay usable; the retry makes a new one.
    await db.transaction(async (tx) => {
      await tx.delete(passwordResetTokens).where(eq(passwordResetTokens.id, tokenId));
      await tx
        .delete(mailMessages)
        .where(and(eq(mailMessages.direction, 'out'), eq(mailMessages.messageId, messageId)));
    });
    throw error;
  }
}
