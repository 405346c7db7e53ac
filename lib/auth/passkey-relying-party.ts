import { isIP } from 'node:net';
import type { AppConfig } from '../config';

// Who the passkeys belong to. A passkey is bound to a domain (the relying-party id) and checked
// against the exact origin the browser was on, so both come from PUBLIC_URL, never from a request's
// Host header: a passkey made at one address would not work at another anyway, and a forged Host
// must not choose the domain. The base path is not part of either: a passkey belongs to the host.

export type RelyingParty = { enabled: true; id: string; origin: string; name: string };
export type PasskeysOff = { enabled: false; reason: string };

const rpName = 'IT Assets Manager';

/** The relying party from PUBLIC_URL, or why passkeys are off on this installation. */
export function relyingParty(config: Pick<AppConfig, 'publicUrl'>): RelyingParty | PasskeysOff {
  if (!config.publicUrl) {
    return {
      enabled: false,
      reason:
        'Passkeys are off: the administrator has not set PUBLIC_URL, the address people use to reach this app (for example https://it.example.com).',
    };
  }
  const url = new URL(config.publicUrl);
  // Browsers refuse an IP address as a passkey's domain, even 127.0.0.1.
  if (isIP(url.hostname.replace(/^\[|\]$/g, '')) !== 0) {
    return {
      enabled: false,
      reason: `Passkeys are off: PUBLIC_URL names an IP address (${url.hostname}), and browsers only make passkeys for a name such as it.example.com or localhost.`,
    };
  }
  // WebAuthn runs only in a secure context: HTTPS, or plain HTTP on this machine's own name.
  const local = url.hostname === 'localhost' || url.hostname.endsWith('.localhost');
  if (url.protocol !== 'https:' && !local) {
    return {
      enabled: false,
      reason: 'Passkeys are off: PUBLIC_URL is not an https:// address, and browsers only use passkeys over HTTPS.',
    };
  }
  return { enabled: true, id: url.hostname, origin: url.origin, name: rpName };
}
