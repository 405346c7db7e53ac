// Why a single sign-on was refused, and what the sign-in page says for each. Only these fixed
// words are shown: the page never echoes text from its address.

export const oidcRefusals = {
  unverified_email:
    'An account with this email address already exists here, but the sign-in provider does not say the address is verified, so it was not linked. Ask an admin, or verify the address at the provider.',
  email_in_use:
    'An account with this email address already signs in with another identity at this provider, so it was not linked. Ask an admin.',
  disabled: 'This account is disabled. Ask an admin to enable it.',
  no_subject: 'The sign-in provider did not say who you are. Try again, or ask an admin.',
  failed: 'Single sign-on did not complete. Start again from this page.',
  expired: 'The single sign-on took too long or was started in another browser. Start again from this page.',
  cancelled: 'Single sign-on was cancelled at the provider.',
  unavailable: 'The sign-in provider cannot be reached right now. Try again in a moment.',
  rate_limited: 'Too many failed sign-in attempts. Try again in a few minutes.',
} as const;

export type OidcRefusalReason = keyof typeof oidcRefusals;

export function isOidcRefusalReason(text: unknown): text is OidcRefusalReason {
  return typeof text === 'string' && Object.hasOwn(oidcRefusals, text);
}
