import assert from 'node:assert/strict';

/**
 * A Set-Cookie line as a browser reads it: attribute names are case-insensitive and their order
 * does not matter, so tests compare the set of attributes, not the text. An attribute given twice
 * fails the test.
 */
export function parseSetCookie(line: string): {
  name: string;
  /** As sent, still percent-encoded. */
  rawValue: string;
  value: string;
  /** Lower-cased attribute name → its value, or true for a flag (Secure, HttpOnly). */
  attributes: Map<string, string | true>;
} {
  const [pair, ...rest] = line.split(';').map((part) => part.trim());
  const at = pair.indexOf('=');
  const attributes = new Map<string, string | true>();
  for (const attribute of rest) {
    const equals = attribute.indexOf('=');
    const name = (equals === -1 ? attribute : attribute.slice(0, equals)).toLowerCase();
    assert.equal(attributes.has(name), false, `${name} appears twice in ${line}`);
    attributes.set(name, equals === -1 ? true : attribute.slice(equals + 1));
  }
  return {
    name: pair.slice(0, at),
    rawValue: pair.slice(at + 1),
    value: decodeURIComponent(pair.slice(at + 1)),
    attributes,
  };
}

/** The attributes of a session cookie, names lower-cased and SameSite's value too (browsers compare it case-insensitively). */
export function cookieAttributes(line: string): Record<string, string | true> {
  const { attributes } = parseSetCookie(line);
  const entries = [...attributes].map(([name, value]) => [
    name,
    name === 'samesite' && typeof value === 'string' ? value.toLowerCase() : value,
  ]);
  return Object.fromEntries(entries);
}
