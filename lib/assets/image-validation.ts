import { imageSize } from 'image-size';
import { AppError } from '../errors';

export const acceptedImageTypes = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type AcceptedImageType = (typeof acceptedImageTypes)[number];
export type ImageLimits = { maxBytes: number; maxDimension: number };
export type CheckedImage = { contentType: AcceptedImageType; width: number; height: number; byteSize: number };

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  signature.every((byte, index) => bytes[at + index] === byte);

/** The type the bytes themselves declare; the file name and the browser's Content-Type are ignored. */
export function detectImageType(bytes: Uint8Array): AcceptedImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return 'image/webp';
  return null;
}

export function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Number((bytes / (1024 * 1024)).toFixed(1))} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export function tooLargeError(limits: ImageLimits): AppError {
  return new AppError(
    'payload_too_large',
    `The image is too large: at most ${describeBytes(limits.maxBytes)} is accepted.`,
    {
      fields: { image: `At most ${describeBytes(limits.maxBytes)}.` },
    },
  );
}

/** Accepts a PNG, JPEG or WebP within the limits, or throws the AppError that says why not (413, 415, 422). */
export function checkImage(bytes: Uint8Array, limits: ImageLimits): CheckedImage {
  if (bytes.length === 0)
    throw new AppError('bad_request', 'Choose an image file to upload.', {
      fields: { image: 'Choose an image file.' },
    });
  if (bytes.length > limits.maxBytes) throw tooLargeError(limits);
  const contentType = detectImageType(bytes);
  const unsupported = 'Only PNG, JPEG or WebP images are accepted; this file is not one of them.';
  if (!contentType) throw new AppError('unsupported_media_type', unsupported, { fields: { image: unsupported } });
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(bytes);
  } catch {
    size = {};
  }
  const expected = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' }[contentType];
  if (!size.width || !size.height || size.type !== expected) {
    const damaged = 'The image could not be read: the file is damaged or not really a PNG, JPEG or WebP.';
    throw new AppError('unsupported_media_type', damaged, { fields: { image: damaged } });
  }
  if (size.width > limits.maxDimension || size.height > limits.maxDimension) {
    const message = `The image is ${size.width}×${size.height} pixels; at most ${limits.maxDimension} pixels wide and high is accepted.`;
    throw new AppError('unprocessable', message, { fields: { image: message } });
  }
  return { contentType, width: size.width, height: size.height, byteSize: bytes.length };
}
