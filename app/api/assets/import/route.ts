import { z } from 'zod';
import { canManageAssets } from '@/lib/assets/access';
import { importAssets } from '@/lib/assets/csv-import';
import { maxImportBytes, parseAssetCsv } from '@/lib/assets/csv-import-rows';
import { route } from '@/lib/boundary/route';
import { AppError, isAppError } from '@/lib/errors';
import { describeError, log } from '@/lib/log';

const options = z.object({
  mode: z.enum(['all', 'valid-only'], { error: 'mode is "all" or "valid-only".' }).default('all'),
  dryRun: z.enum(['true', 'false'], { error: 'dryRun is "true" or "false".' }).default('false'),
});

const tooLarge = `The file is too large: at most ${maxImportBytes / (1024 * 1024)} MB can be imported at once. Split it into smaller files.`;

/**
 * Answers a stream of NDJSON lines: {"type":"progress",...} while working, then one
 * {"type":"result",...} (or {"type":"error",...} when the import failed and changed nothing).
 * The body is multipart (not JSON), so the handler reads it itself.
 */
export const POST = route({}, async ({ actor, request, transaction }) => {
  if (Number(request.headers.get('content-length') ?? '0') > maxImportBytes + 64 * 1024)
    throw new AppError('payload_too_large', tooLarge);
  if (!canManageAssets(actor)) throw new AppError('not_found', 'Not found.');
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError('bad_request', 'Send the CSV as multipart/form-data in a field named "file".');
  }
  const file = form.get('file');
  if (!(file instanceof File))
    throw new AppError('bad_request', 'Choose a CSV file to import.', { fields: { file: 'Choose a CSV file.' } });
  if (file.size > maxImportBytes) throw new AppError('payload_too_large', tooLarge);
  const parsed = options.safeParse({ mode: form.get('mode') ?? undefined, dryRun: form.get('dryRun') ?? undefined });
  if (!parsed.success) throw new AppError('validation_failed', parsed.error.issues[0].message);
  // Parsed before the stream starts, so a file with too many rows is a plain 413.
  const csv = parseAssetCsv(await file.text());

  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        const result = await transaction((tx) =>
          importAssets(tx, actor, {
            csv,
            mode: parsed.data.mode,
            dryRun: parsed.data.dryRun === 'true',
            fileName: file.name,
            onProgress: (progress) => send({ type: 'progress', ...progress }),
          }),
        );
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
    },
  });
});
