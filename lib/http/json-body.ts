import { AppError } from '../errors';
import { readLimitedBody } from './limited-body';

// Larger JSON bodies are refused before they are read whole; uploads have their own routes and limits.
export const maxJsonBodyBytes = 1024 * 1024;

/** `application/json`, with or without parameters: a "simple" type that merely mentions json is not JSON. */
export function isJsonMediaType(contentType: string | null): boolean {
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return mediaType === 'application/json';
}

const notJson = () =>
  new AppError('unsupported_media_type', 'Send the body as JSON with Content-Type: application/json.');
const tooLarge = () =>
  new AppError('payload_too_large', `The request body is larger than ${maxJsonBodyBytes / 1024} kB.`);

/** Reads a JSON body; an absent body is `{}` when `optional`. Malformed, mistyped or oversized bodies are a 4xx that says so. */
export async function readJsonBody(request: Request, options: { optional?: boolean } = {}): Promise<unknown> {
  const text = new TextDecoder().decode(await readLimitedBody(request, maxJsonBodyBytes, tooLarge));
  if (text.trim() === '' && options.optional) return {};
  if (!isJsonMediaType(request.headers.get('content-type'))) throw notJson();
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'The request body is not valid JSON.');
  }
}
