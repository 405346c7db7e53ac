/**
 * The longest path a sign-in carries on to, as given and as resolved (resolving percent-encodes, so
 * it can grow): a longer one goes to the dashboard rather than fail at a later step.
 */
export const maxNextLength = 2048;

/**
 * Where to go after signing in: only a path inside this app. Absolute URLs, protocol-relative
 * "//host" (also once dot segments are resolved), backslash tricks and anything unparsable fall
 * back to the dashboard.
 */
export function safeNextPath(value: unknown, basePath = ''): string {
  if (typeof value !== 'string' || value === '' || value.length > maxNextLength) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f]/.test(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, 'http://app.invalid');
  } catch {
    return '/';
  }
  if (url.origin !== 'http://app.invalid') return '/';
  let path = url.pathname;
  if (basePath && (path === basePath || path.startsWith(basePath + '/'))) path = path.slice(basePath.length) || '/';
  if (path === '/login' || path.startsWith('/login/') || path === '/setup') return '/';
  // Decided on the resolved path: dot segments can turn "/.//host" into "//host", which a browser
  // reads as another site.
  if (path.startsWith('//') || path.startsWith('/\\')) return '/';
  const next = path + url.search + url.hash;
  return next.length > maxNextLength ? '/' : next;
}
