'use client';

// What the passkey forms share in the browser: sending JSON to the app's routes, and the words for
// what a browser's WebAuthn prompt can refuse.

type JsonAnswer<T> = { ok: true; body: T } | { ok: false; message: string; fields?: Record<string, string> };

/** POSTs `body` as JSON; a failure is the route's own error message (README, JSON API). */
export async function postJson<T>(url: string, body: unknown = {}): Promise<JsonAnswer<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => null)) as
    (T & { error?: undefined }) | { error: { message: string; fields?: Record<string, string> } } | null;
  if (response.ok && answer) return { ok: true, body: answer as T };
  if (answer && 'error' in answer && answer.error)
    return { ok: false, message: answer.error.message, fields: answer.error.fields };
  return { ok: false, message: `The server answered ${response.status}. Try again in a moment.` };
}

/** A sentence for a browser's refusal, or for anything else that went wrong on the way. */
export function describePasskeyFailure(error: unknown, origin: string): string {
  // @simplewebauthn/browser's WebAuthnError keeps the name of the browser's own error.
  const name = error instanceof Error ? error.name : undefined;
  if (name === 'NotAllowedError' || name === 'AbortError')
    return 'No passkey was used: the prompt was closed or timed out.';
  if (name === 'InvalidStateError') return 'This authenticator already holds a passkey for your account.';
  if (name === 'SecurityError') return `Passkeys work only at ${origin}. Open the app there and try again.`;
  if (name === 'NotSupportedError') return 'This browser or authenticator cannot make that kind of passkey.';
  if (name === 'TypeError') return 'The server could not be reached. Try again in a moment.';
  return 'The passkey prompt failed. Try again, or use another authenticator.';
}
