import 'server-only';
import { mailJobSchema } from './mail-job';
import { deliverMail } from './send';

/** The 'mail-send' job: one notification, composed and recorded when the change committed. */
export async function sendMailJob(data: unknown): Promise<void> {
  const parsed = mailJobSchema.safeParse(data);
  if (!parsed.success) throw new Error(`A mail-send job holds no valid mail: ${parsed.error.issues[0].message}`);
  await deliverMail(parsed.data);
}
