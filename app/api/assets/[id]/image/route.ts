import { z } from 'zod';
import { tooLargeError } from '@/lib/assets/image-validation';
import { readAssetImage, removeAssetImage, setAssetImage } from '@/lib/assets/images';
import { otherMethods, route } from '@/lib/boundary/route';
import { getConfig } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { readLimitedFormData } from '@/lib/http/limited-body';

const assetParams = z.object({ id: z.string() });

// Room for the multipart envelope around the file itself.
const multipartOverhead = 64 * 1024;
const sendAsMultipart = 'Send the image as multipart/form-data in a field named "image".';

export const GET = route({ params: assetParams, note: 'Answers the image itself.' }, async ({ actor, params, db }) => {
  const image = await readAssetImage(db, actor, params.id);
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

/** The body is multipart (not JSON), so the handler reads it itself, refusing it once it outgrows the limit. */
export const PUT = route(
  { params: assetParams, note: sendAsMultipart },
  async ({ actor, params, request, transaction }) => {
    const limits = getConfig().images;
    const form = await readLimitedFormData(request, limits.maxBytes + multipartOverhead, {
      tooLarge: () => tooLargeError(limits),
      notMultipart: () => new AppError('bad_request', sendAsMultipart),
    });
    const file = form.get('image');
    if (!(file instanceof File))
      throw new AppError('bad_request', sendAsMultipart, { fields: { image: 'Choose an image file.' } });
    if (file.size > limits.maxBytes) throw tooLargeError(limits);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const image = await transaction((tx) => setAssetImage(tx, actor, { assetId: params.id, bytes, limits }));
    return {
      image: { contentType: image.contentType, width: image.width, height: image.height, byteSize: image.byteSize },
    };
  },
);

export const DELETE = route({ params: assetParams }, async ({ actor, params, transaction }) => {
  const removed = await transaction((tx) => removeAssetImage(tx, actor, params.id));
  if (!removed) throw new AppError('not_found', 'This asset has no image.');
  return { removed: true };
});

export const { POST, PATCH, OPTIONS } = otherMethods('GET', 'PUT', 'DELETE');
