import { z } from 'zod';

// The data of one 'mail-send' job: a composed mail for one recipient. The sender (MAIL_FROM) is
// read when it is sent, so a changed setting applies to mails still waiting.
export const mailJobSchema = z.object({
  to: z.string().min(3),
  /** The recipient's account: asked again when the mail goes out, which may be minutes later. */
  userId: z.uuid().optional(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  messageId: z.string().regex(/^<[^<>\s]+@[^<>\s]+>$/),
  inReplyTo: z.string().optional(),
  references: z.array(z.string()).default([]),
});
export type MailJob = z.input<typeof mailJobSchema>;
