import { z } from 'zod';
import { canManageAssets } from '@/lib/assets/access';
import { importAssets } from '@/lib/assets/csv-import';
import { maxImportBytes } from '@/lib/assets/csv-import-rows';
import { tooLargeMessage } from '@/lib/assets/import/decode-file';
import { route } from '@/lib/boundary/route';
import { AppError, isAppError } from '@/lib/errors';
import { describeError, log } from '@/lib/log';

const options = z.object({
  mode: z.enum(['all', 'valid-only'], { error: 'mode is "all" or "valid-only".' }).default('all'),
  dryRun: z.enum(['true', 'false'], { error: 'dryRun is "true" or "false".' }).default('false'),
  fileName: z.string().max(255, 'fileName is at most 255 characters.').optional(),
});

/**
 * Takes the CSV file itself as the body (Content-Type: text/csv) and reads it as it arrives.
 * Answers a stream of NDJSON lines: {"type":"progress",...} after each batch of rows, then one
 * {"type":"result",...} (or {"type":"error",...} when the import failed and changed nothing).
 */
export const POST = route({ query: options }, ({ actor, request, query, transaction }) => {
  const declaredLength = request.headers.get('content-length');
  if (Number(declaredLength) > maxImportBytes) throw new AppError('payload_too_large', tooLargeMessage);
  if (!canManageAssets(actor)) throw new AppError('not_found', 'Not found.');
  if (!/^text\/csv\s*(;|$)/i.test(request.headers.get('content-type') ?? ''))
    throw new AppError(
      'unsupported_media_type',
      'Send the CSV file itself as the request body, with Content-Type: text/csv.',
    );
  // Next.js's middleware cuts a body longer than 10 MB short without telling: a declared length
  // within the limit is the guarantee that the whole file arrives.
  if (declaredLength === null || !request.body)
    throw new AppError('bad_request', 'Send the CSV file as the request body, with its Content-Length.');
  const file = request.body;

  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        const result = await transaction((tx) =>
          importAssets(tx, actor, {
            csv: file,
            mode: query.mode,
            dryRun: query.dryRun === 'true',
            fileName: query.fileName,
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
  return Promise.resolve(
    new Response(body, {
      headers: {
        'Content-Type': 'application/x-ndjson; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'X-Accel-Buffering': 'no',
      },
    }),
  );
});
