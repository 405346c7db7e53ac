import 'server-only';
import type { ConnectionOptions } from 'node:tls';
import nodemailer from 'nodemailer';
import { describeSmtpFailure, smtpServerLabel, smtpTransportOptions } from '../mail/outgoing/transport';
import { fail, pass, type CheckResult } from './report';

const hints: Record<string, string> = {
  connection: "Check SMTP_URL's host and port, and that this machine may reach the mail server (firewall).",
  TLS: 'smtps:// expects TLS from the first byte (usually port 465); smtp:// upgrades with STARTTLS (usually 587). Check the scheme, the port and that the certificate is valid for the host name.',
  authentication: "The mail server refused SMTP_URL's user or password (percent-encode special characters in the URL).",
  sending: 'The mail server answered in a way the app did not expect; see its log.',
  recipient: 'The mail server refused an address.',
};

/** Mail off is not a failure; on, signs in to the SMTP server (nodemailer verify) and says which part failed. */
export async function checkSmtp(smtpUrl: string | undefined, tls?: ConnectionOptions): Promise<CheckResult> {
  if (!smtpUrl) return pass('mail (SMTP)', 'off: SMTP_URL is not set, so no notifications and no "Forgot password"');
  const label = smtpServerLabel(smtpUrl);
  const transport = nodemailer.createTransport({ ...smtpTransportOptions(smtpUrl), tls });
  try {
    await transport.verify();
    return pass('mail (SMTP)', `${label} accepts the connection${new URL(smtpUrl).username ? ' and the login' : ''}`);
  } catch (error) {
    const { stage, reason } = describeSmtpFailure(error, smtpUrl);
    return fail('mail (SMTP)', `${label}: ${stage} failed: ${reason}`, hints[stage]);
  } finally {
    transport.close();
  }
}
