import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { users } from '../../db/schema';
import { log } from '../../log';
import { mailJobSchema } from './mail-job';
import { deliverMail } from './send';

/**
 * The 'mail-send' job: one notification, composed and recorded when the change committed. It goes
 * to the recipient's address as it is now; an account disabled (or left without an address) while
 * the mail waited gets nothing.
 */
export async function sendMailJob(data: unknown): Promise<void> {
  const parsed = mailJobSchema.safeParse(data);
  if (!parsed.success) throw new Error(`A mail-send job holds no valid mail: ${parsed.error.issues[0].message}`);
  const { userId, ...mail } = parsed.data;
  if (userId) {
    const [user] = await (
      await getDb()
    )
      .select({ active: users.active, email: users.email })
      .from(users)
      .where(eq(users.id, userId))
      .limit(1);
    if (!user?.active || !user.email) {
      log.info('mail.out.recipient_gone', { messageId: mail.messageId, userId });
      return;
    }
    mail.to = user.email;
  }
  await deliverMail(mail);
}
