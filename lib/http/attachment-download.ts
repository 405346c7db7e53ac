// How a stored file goes back to a browser: always as a download unless it is a raster image
// asked for inline, never sniffed, never able to run anything, never kept in a shared cache.

/** Types served as stored; anything else (HTML, SVG, XML, scripts, unknown) goes out as application/octet-stream. */
const servedAsStored = new Set([
  'application/pdf',
  'application/zip',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'text/plain',
  'text/csv',
  'message/rfc822',
]);

/** Raster images a browser may show in the page; SVG is left out because it can carry script. */
export const inlineImageTypes = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export function servedContentType(stored: string): string {
  return servedAsStored.has(stored) || inlineImageTypes.has(stored) ? stored : 'application/octet-stream';
}

/** RFC 6266: an ASCII fallback name for old clients, then the exact name in RFC 5987 encoding. */
export function contentDisposition(kind: 'attachment' | 'inline', filename: string): string {
  const fallback = filename.replace(/[^A-Za-z0-9 ._()-]/g, '_').trim() || 'attachment';
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export function attachmentResponse(
  file: { filename: string; contentType: string; bytes: Buffer },
  options: { inline: boolean },
): Response {
  const inline = options.inline && inlineImageTypes.has(file.contentType);
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'Content-Type': servedContentType(file.contentType),
      'Content-Length': String(file.bytes.length),
      'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', file.filename),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      // Opened directly, a file can load nothing and run nothing, whatever its bytes are.
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}
