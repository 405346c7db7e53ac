import { otherMethods, route } from '@/lib/boundary/route';
import { AppError } from '@/lib/errors';
import { readLimitedFormData } from '@/lib/http/limited-body';
import { findLabelLogo, maxLabelLogoBytes, removeLabelLogo, setLabelLogo } from '@/lib/labels/logo';
import { assertCanManageAssets } from '@/lib/assets/access';
import { describeBytes } from '@/lib/assets/image-validation';

const sendAsMultipart = 'Send the logo as multipart/form-data in a field named "image".';
const multipartOverhead = 64 * 1024;
const tooLarge = () =>
  new AppError('payload_too_large', `The logo is larger than ${describeBytes(maxLabelLogoBytes)}.`);

/** The logo printed on asset labels: staff may see it, admins set or remove it; others are told "not found". */
export const GET = route({ note: 'Answers the image itself.' }, async ({ actor, db }) => {
  assertCanManageAssets(actor);
  const logo = await findLabelLogo(db);
  if (!logo) throw new AppError('not_found', 'No label logo has been uploaded.');
  return new Response(new Uint8Array(logo.bytes), {
    headers: {
      'Content-Type': logo.contentType,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
});

export const PUT = route({ note: sendAsMultipart }, async ({ actor, request, transaction }) => {
  assertCanManageAssets(actor);
  const form = await readLimitedFormData(request, maxLabelLogoBytes + multipartOverhead, {
    tooLarge,
    notMultipart: () => new AppError('bad_request', sendAsMultipart),
  });
  const file = form.get('image');
  if (!(file instanceof File))
    throw new AppError('bad_request', sendAsMultipart, { fields: { image: 'Choose an image file.' } });
  if (file.size > maxLabelLogoBytes) throw tooLarge();
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { logo: await transaction((tx) => setLabelLogo(tx, actor, bytes)) };
});

export const DELETE = route({}, async ({ actor, transaction }) => {
  assertCanManageAssets(actor);
  const removed = await transaction((tx) => removeLabelLogo(tx, actor));
  if (!removed) throw new AppError('not_found', 'No label logo has been uploaded.');
  return { removed: true };
});

export const { POST, PATCH, OPTIONS } = otherMethods('GET', 'PUT', 'DELETE');
