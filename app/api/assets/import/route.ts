import { z } from 'zod';
import { canManageAssets } from '@/lib/assets/access';
import { importAssets } from '@/lib/assets/csv-import';
import { maxImportBytes } from '@/lib/assets/csv-import-rows';
import { tooLargeMessage } from '@/lib/assets/import/decode-file';
import { otherMethods, route } from '@/lib/boundary/route';
import { AppError, isAppError } from '@/lib/errors';
import { readLimitedFormData } from '@/lib/http/limited-body';
import { jsonContentSecurityPolicy } from '@/lib/http/security-headers';
import { describeError, log } from '@/lib/log';
import { singleLineText } from '@/lib/validation';

const options = z.object({
  mode: z.enum(['all', 'valid-only'], { error: 'mode is "all" or "valid-only".' }).default('all'),
  dryRun: z.enum(['true', 'false'], { error: 'dryRun is "true" or "false".' }).default('false'),
  fileName: singleLineText().max(255, 'fileName is at most 255 characters.').optional(),
});

const tooLarge = () => new AppError('payload_too_large', tooLargeMessage);
const notMultipart = () => new AppError('bad_request', 'The form could not be read as multipart/form-data.');

/** The file and its options, from a form's fields (as the import page and earlier clients send them). */
async function fromForm(request: Request): Promise<{ csv: Blob; options: unknown; fileName: string }> {
  // A multipart body arrives whole before a route runs; its file is still read and written in batches.
  const form = await readLimitedFormData(request, maxImportBytes + 64 * 1024, { tooLarge, notMultipart });
  const file = form.get('file');
  if (!(file instanceof File))
    throw new AppError('bad_request', 'Choose a CSV file to import.', { fields: { file: 'Choose a CSV file.' } });
  if (file.size > maxImportBytes) throw tooLarge();
  const field = (name: string) => (typeof form.get(name) === 'string' ? form.get(name) : undefined);
  return { csv: file, options: { mode: field('mode'), dryRun: field('dryRun') }, fileName: file.name };
}

const importNote =
  'Send the CSV file as the body (Content-Type: text/csv), or multipart/form-data with a "file" field. Answers NDJSON lines: progress, then one result or error.';

/**
 * Takes the CSV file itself as the body (Content-Type: text/csv, options in the query string) and
 * reads it as it arrives, or a multipart form with a `file` field.
 * Answers a stream of NDJSON lines: {"type":"progress",...} after each batch of rows, then one
 * {"type":"result",...} (or {"type":"error",...} when the import failed and changed nothing).
 */
export const POST = route({ query: options, note: importNote }, async ({ actor, request, query, db }) => {
  const declaredLength = request.headers.get('content-length');
  if (Number(declaredLength) > maxImportBytes + 64 * 1024) throw tooLarge();
  if (!canManageAssets(actor)) throw new AppError('not_found', 'Not found.');
  const contentType = request.headers.get('content-type') ?? '';
  let file: ReadableStream<Uint8Array>;
  let chosen = query;
  let fileName = query.fileName;
  if (/^multipart\/form-data\s*;/i.test(contentType)) {
    const form = await fromForm(request);
    const parsed = options.safeParse(form.options);
    if (!parsed.success) throw new AppError('validation_failed', parsed.error.issues[0].message);
    [file, chosen, fileName] = [form.csv.stream(), parsed.data, form.fileName];
  } else {
    if (!/^text\/csv\s*(;|$)/i.test(contentType))
      throw new AppError(
        'unsupported_media_type',
        'Send the CSV file itself as the request body with Content-Type: text/csv, or as a multipart form with a "file" field.',
      );
    if (Number(declaredLength) > maxImportBytes) throw tooLarge();
    // Next.js's middleware cuts a body longer than 10 MB short without telling: a declared length
    // within the limit is the guarantee that the whole file arrives.
    if (declaredLength === null || !request.body)
      throw new AppError('bad_request', 'Send the CSV file as the request body, with its Content-Length.');
    file = request.body;
  }

  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        const result = await importAssets(db, actor, {
          csv: file,
          mode: chosen.mode,
          dryRun: chosen.dryRun === 'true',
          fileName,
          onProgress: (progress) => send({ type: 'progress', ...progress }),
        });
        send({ type: 'result', ...result });
      } catch (error) {
        if (!isAppError(error)) log.error('assets.import_failed', describeError(error));
        const message = isAppError(error) ? error.message : 'The import failed and changed nothing. Try again.';
        send({ type: 'error', code: isAppError(error) ? error.code : 'internal', message });
      } finally {
        controller.close();
      }
    },
  });
  // X-Accel-Buffering: nginx passes each progress line on at once instead of buffering the stream.
  return new Response(body, {
    headers: {
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'X-Accel-Buffering': 'no',
      'Content-Security-Policy': jsonContentSecurityPolicy,
    },
  });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
