import type { AppError } from '../errors';

/**
 * The body's bytes, refused with `tooLarge()` as soon as more than `maxBytes` have arrived, whether
 * or not a Content-Length announced them: a chunked body is never read whole first, and a body Next.js
 * cut short (it passes on only the first `proxyClientMaxBodySize` bytes, next.config.mjs) is refused rather than parsed as if it were complete.
 */
export async function readLimitedBody(
  request: Request,
  maxBytes: number,
  tooLarge: () => AppError,
): Promise<Uint8Array<ArrayBuffer>> {
  const declaredLength = Number(request.headers.get('content-length') ?? '0');
  if (declaredLength > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  if (received < declaredLength) throw tooLarge();
  return Buffer.concat(chunks);
}

/** A multipart/form-data body within `maxBytes`; `notMultipart()` when it does not parse as one. */
export async function readLimitedFormData(
  request: Request,
  maxBytes: number,
  errors: { tooLarge: () => AppError; notMultipart: () => AppError },
): Promise<FormData> {
  const bytes = await readLimitedBody(request, maxBytes, errors.tooLarge);
  try {
    return await new Response(bytes, {
      headers: { 'Content-Type': request.headers.get('content-type') ?? '' },
    }).formData();
  } catch {
    throw errors.notMultipart();
  }
}
