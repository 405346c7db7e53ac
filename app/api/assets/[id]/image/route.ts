import { tooLargeError } from '@/lib/assets/image-validation';
import { readAssetImage, removeAssetImage, setAssetImage } from '@/lib/assets/images';
import { authenticateAssetContext } from '@/lib/assets/request-context';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { assertSameOrigin, jsonOk, jsonRoute } from '@/lib/http/json';

type Context = { params: Promise<{ id: string }> };

// Room for the multipart envelope around the file itself.
const multipartOverhead = 64 * 1024;

export const GET = jsonRoute(async (_request, { params }: Context) => {
  const { id } = await params;
  const context = await authenticateAssetContext();
  const image = await readAssetImage(await getDb(), context.actor, id);
  if (!image) throw new AppError('not_found', 'This asset has no image.');
  return new Response(new Uint8Array(image.bytes), {
    headers: {
      'Content-Type': image.contentType,
      'Content-Length': String(image.byteSize),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      'Content-Disposition': 'inline',
      // Even if a browser were tricked into rendering it as a document, it could run nothing.
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
});

export const PUT = jsonRoute(async (request, { params }: Context) => {
  assertSameOrigin(request);
  const { id } = await params;
  const limits = getConfig().images;
  const declaredLength = Number(request.headers.get('content-length') ?? '0');
  if (declaredLength > limits.maxBytes + multipartOverhead) throw tooLargeError(limits);
  const context = await authenticateAssetContext();
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError('bad_request', 'Send the image as multipart/form-data in a field named "image".');
  }
  const file = form.get('image');
  if (!(file instanceof File)) throw new AppError('bad_request', 'Send the image as multipart/form-data in a field named "image".', { fields: { image: 'Choose an image file.' } });
  if (file.size > limits.maxBytes) throw tooLargeError(limits);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const db = await getDb();
  const image = await db.transaction((tx) => setAssetImage(tx, id, bytes, limits, context));
  return jsonOk({ image: { contentType: image.contentType, width: image.width, height: image.height, byteSize: image.byteSize } });
});

export const DELETE = jsonRoute(async (request, { params }: Context) => {
  assertSameOrigin(request);
  const { id } = await params;
  const context = await authenticateAssetContext();
  const db = await getDb();
  const removed = await db.transaction((tx) => removeAssetImage(tx, id, context));
  if (!removed) throw new AppError('not_found', 'This asset has no image.');
  return jsonOk({ removed: true });
});
