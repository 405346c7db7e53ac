import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { getConfig } from '../../config';

// The one place that turns SMTP_URL into a nodemailer transport. smtp:// upgrades with STARTTLS
// whenever the server offers it; smtps:// speaks TLS from the first byte. The URL carries the
// password: only `smtpServerLabel` (host, port, user) may reach a log line or a page.

const defaultPorts = { smtp: 587, smtps: 465 } as const;

/** The nodemailer options for an smtp:// or smtps:// URL, with timeouts short enough to fail a job well before it expires. */
export function smtpTransportOptions(smtpUrl: string): SMTPTransport.Options {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : defaultPorts[secure ? 'smtps' : 'smtp'],
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  };
}

/** "user@host:port" (or "host:port"): what may be shown of the SMTP server. */
export function smtpServerLabel(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  const port = url.port || String(defaultPorts[url.protocol === 'smtps:' ? 'smtps' : 'smtp']);
  const user = url.username ? `${decodeURIComponent(url.username)}@` : '';
  return `${url.protocol}//${user}${url.hostname}:${port}`;
}

const transportKey = Symbol.for('it-assets-manager.mail-transport');
type TransportHolder = { [transportKey]?: { url: string; transport: Transporter<SMTPTransport.SentMessageInfo> } };

/** This process's transport for SMTP_URL, made once; null when mail is off. */
export function mailTransport(): Transporter<SMTPTransport.SentMessageInfo> | null {
  const { smtpUrl } = getConfig().mail;
  if (!smtpUrl) return null;
  const holder = globalThis as TransportHolder;
  if (holder[transportKey]?.url !== smtpUrl) {
    holder[transportKey] = { url: smtpUrl, transport: nodemailer.createTransport(smtpTransportOptions(smtpUrl)) };
  }
  return holder[transportKey].transport;
}

export function isMailEnabled(): boolean {
  return Boolean(getConfig().mail.smtpUrl);
}

type SmtpFailure = Error & { code?: string };

const connectionCodes = ['ECONNECTION', 'EDNS', 'ETIMEDOUT', 'ESOCKET', 'ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET'];

function stageOf(failure: SmtpFailure): string {
  if (failure.code === 'EAUTH') return 'authentication';
  if (failure.code === 'EENVELOPE') return 'recipient';
  if (failure.code === 'ETLS' || /certificate|\bTLS\b|\bSSL\b|wrong version number/i.test(failure.message))
    return 'TLS';
  if (failure.code && connectionCodes.includes(failure.code)) return 'connection';
  return 'sending';
}

/**
 * Why talking to the SMTP server failed, in words an admin can act on: which part (connection,
 * TLS, authentication, recipient) and the server's own reason. The password is cut out.
 */
export function describeSmtpFailure(error: unknown, smtpUrl: string): { stage: string; reason: string } {
  const failure: SmtpFailure = error instanceof Error ? error : new Error(String(error));
  let reason = failure.message || failure.code || 'unknown error';
  if (/ECONNREFUSED/.test(reason)) reason = `connection refused (${reason})`;
  return { stage: stageOf(failure), reason: redact(reason, smtpUrl) };
}

function redact(text: string, smtpUrl: string): string {
  const password = decodeURIComponent(new URL(smtpUrl).password);
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return password ? oneLine.split(password).join('***') : oneLine;
}
