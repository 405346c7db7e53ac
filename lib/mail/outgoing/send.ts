import 'server-only';
import { getConfig } from '../../config';
import { describeSmtpFailure, mailTransport, smtpServerLabel } from './transport';

// Hands one composed mail to the SMTP server. A failure throws an Error that says which part
// failed and why, naming the server by host, port and user only: it becomes the job's error.

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
};

export async function deliverMail(mail: OutgoingMail): Promise<void> {
  const { smtpUrl, from } = getConfig().mail;
  const transport = mailTransport();
  if (!transport || !smtpUrl) throw new Error('Mail is off (SMTP_URL is not set): this mail cannot be sent.');
  try {
    await transport.sendMail({
      from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      inReplyTo: mail.inReplyTo,
      references: mail.references,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
  } catch (error) {
    const { stage, reason } = describeSmtpFailure(error, smtpUrl);
    throw new Error(`Sending to ${mail.to} through ${smtpServerLabel(smtpUrl)} failed at ${stage}: ${reason}`);
  }
}
