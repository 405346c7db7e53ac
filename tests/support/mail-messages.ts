// Raw mails for tests, composed by nodemailer's MailComposer the way a mail client would send them.
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';

let sequence = 0;

/** A unique Message-ID, so tests sharing a database never collide. */
export function newMessageId(label = 'test'): string {
  sequence += 1;
  return `<${label}-${process.pid}-${Date.now()}-${sequence}@client.example.test>`;
}

/** One mail as its bytes; a Message-ID is made up unless given. */
export async function composeMail(options: Mail.Options): Promise<Buffer> {
  return new MailComposer({ messageId: newMessageId(), date: new Date(), to: 'helpdesk@example.test', ...options })
    .compile()
    .build();
}
