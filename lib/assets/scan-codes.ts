// What a scanned code names, without the database: pure, so the browser and tests use it too.

/** Our label's QR code holds …/a/<tag>; anything else (a barcode of a tag or a serial) is used as it is. */
export function codeToLookup(scanned: string): { tag: string; serial: string | null } {
  const text = scanned.trim();
  const shortUrl = /\/a\/([^/?#\s]+)\/?(?:[?#].*)?$/.exec(text);
  if (shortUrl && /^https?:\/\//i.test(text)) {
    const tag = safeDecode(shortUrl[1]);
    return { tag, serial: null };
  }
  return { tag: text, serial: text };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
