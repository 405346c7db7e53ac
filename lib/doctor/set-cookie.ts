export type ParsedSetCookie = {
  name: string;
  value: string;
  path?: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite?: string;
  maxAge?: number;
  expires?: string;
};

/** Parses one Set-Cookie header value (attribute names are case-insensitive). */
export function parseSetCookie(header: string): ParsedSetCookie {
  const [pair, ...attributes] = header.split(';').map((part) => part.trim());
  const separator = pair.indexOf('=');
  const cookie: ParsedSetCookie = {
    name: pair.slice(0, separator),
    value: pair.slice(separator + 1),
    secure: false,
    httpOnly: false,
  };
  for (const attribute of attributes) {
    const [rawKey, ...rest] = attribute.split('=');
    const key = rawKey.toLowerCase();
    const value = rest.join('=');
    if (key === 'path') cookie.path = value;
    else if (key === 'secure') cookie.secure = true;
    else if (key === 'httponly') cookie.httpOnly = true;
    else if (key === 'samesite') cookie.sameSite = value;
    else if (key === 'max-age') cookie.maxAge = Number(value);
    else if (key === 'expires') cookie.expires = value;
  }
  return cookie;
}
