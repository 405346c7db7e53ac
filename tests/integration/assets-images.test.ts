import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { checkImage, detectImageType } from '../../lib/assets/image-validation';
import { findAssetImageInfo, readAssetImage, removeAssetImage, setAssetImage } from '../../lib/assets/images';
import { createAsset } from '../../lib/assets/mutations';
import { findAsset } from '../../lib/assets/queries';
import { AppError } from '../../lib/errors';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

// Small but real images, built byte by byte, so the test needs no fixture files.
const { db, rows } = await useTestDatabase({ IMAGE_MAX_BYTES: '4096', IMAGE_MAX_DIMENSION: '64' });
const limits = { maxBytes: 4096, maxDimension: 64 };
const agent = await createTestUser(db, { role: 'agent' });
const actor = actorFor(agent, { ipAddress: '192.0.2.12' });

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, sum]);
}
function png(width = 1, height = 1): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const pixels = Buffer.alloc(width <= 64 ? height * (width + 1) : 1);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(pixels)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
function jpeg(width = 2, height = 3): Buffer {
  const app0 = [
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  ];
  const sof0 = [
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    0x03,
    0x01,
    0x11,
    0x00,
    0x02,
    0x11,
    0x00,
    0x03,
    0x11,
    0x00,
  ];
  return Buffer.from([0xff, 0xd8, ...app0, ...sof0, 0xff, 0xd9]);
}
function webp(width = 4, height = 5): Buffer {
  const vp8x = Buffer.alloc(18);
  vp8x.write('VP8X', 0, 'ascii');
  vp8x.writeUInt32LE(10, 4);
  vp8x.writeUIntLE(width - 1, 12, 3);
  vp8x.writeUIntLE(height - 1, 15, 3);
  const riff = Buffer.alloc(12);
  riff.write('RIFF', 0, 'ascii');
  riff.writeUInt32LE(4 + vp8x.length, 4);
  riff.write('WEBP', 8, 'ascii');
  return Buffer.concat([riff, vp8x]);
}

const newAsset = async () =>
  db.transaction((tx) =>
    createAsset(tx, actor, {
      assetTag: `IMG-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`,
      name: 'Camera',
    }),
  );
const upload = (assetId: string, bytes: Uint8Array) =>
  db.transaction((tx) => setAssetImage(tx, actor, { assetId, bytes, limits }));
const refusedWith = (code: string, pattern: RegExp) => (error: unknown) =>
  error instanceof AppError && error.code === code && pattern.test(error.message);

describe('asset images', () => {
  test('real PNG, JPEG and WebP images are accepted, stored and served back byte for byte', async () => {
    for (const [bytes, type, size] of [
      [png(), 'image/png', [1, 1]],
      [jpeg(), 'image/jpeg', [2, 3]],
      [webp(), 'image/webp', [4, 5]],
    ] as const) {
      const asset = await newAsset();
      const stored = await upload(asset.id, bytes);
      assert.deepEqual([stored.contentType, stored.width, stored.height], [type, ...size]);
      const served = await readAssetImage(db, actor, asset.id);
      assert.equal(served?.contentType, type);
      assert.ok(served?.bytes.equals(bytes));
      assert.equal((await findAsset(db, actor, asset.id)).hasImage, true);
    }
  });

  test('the type comes from the bytes: a PNG sent as photo.jpg / image/jpeg is stored as a PNG', async () => {
    const asset = await newAsset();
    const file = new File([new Uint8Array(png())], 'photo.jpg', { type: 'image/jpeg' });
    await upload(asset.id, new Uint8Array(await file.arrayBuffer()));
    assert.equal((await findAssetImageInfo(db, actor, asset.id))?.contentType, 'image/png');
  });

  test('text, HTML and SVG are refused (415) even when declared image/png, and nothing is stored', async () => {
    const asset = await newAsset();
    for (const content of [
      'just some text',
      '<!doctype html><script>alert(1)</script>',
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    ]) {
      const file = new File([content], 'image.png', { type: 'image/png' });
      await assert.rejects(
        upload(asset.id, new Uint8Array(await file.arrayBuffer())),
        refusedWith('unsupported_media_type', /Only PNG, JPEG or WebP/),
      );
    }
    // Right magic bytes, nothing readable behind them.
    await assert.rejects(
      upload(asset.id, png().subarray(0, 12)),
      refusedWith('unsupported_media_type', /could not be read/),
    );
    assert.equal(await findAssetImageInfo(db, actor, asset.id), null);
  });

  test('a file over the byte limit is refused with 413 and the limit in the message', async () => {
    const asset = await newAsset();
    const oversized = Buffer.concat([png(), Buffer.alloc(5000)]);
    await assert.rejects(upload(asset.id, oversized), (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.deepEqual([error.code, error.status], ['payload_too_large', 413]);
      assert.match(error.message, /at most 4 KB/);
      return true;
    });
    assert.equal(await findAssetImageInfo(db, actor, asset.id), null);
  });

  test('an image wider or higher than the limit is refused with 422', async () => {
    const asset = await newAsset();
    await assert.rejects(upload(asset.id, png(65, 1)), refusedWith('unprocessable', /65×1 pixels; at most 64/));
    await assert.rejects(upload(asset.id, jpeg(1, 9000)), refusedWith('unprocessable', /at most 64/));
    assert.equal(await findAssetImageInfo(db, actor, asset.id), null);
  });

  test('a refused replacement keeps the previous image; removing it is audited', async () => {
    const asset = await newAsset();
    await upload(asset.id, png());
    await assert.rejects(upload(asset.id, Buffer.from('GIF89a')), refusedWith('unsupported_media_type', /Only PNG/));
    assert.equal((await findAssetImageInfo(db, actor, asset.id))?.contentType, 'image/png');
    assert.equal(await db.transaction((tx) => removeAssetImage(tx, actor, asset.id)), true);
    assert.equal(await readAssetImage(db, actor, asset.id), null);
    const audit = await rows<{ action: string }>(
      sql`select action from audit_log where target_id = ${asset.id} order by id`,
    );
    assert.deepEqual(
      audit.map((row) => row.action),
      ['asset.create', 'asset.image_set', 'asset.image_remove'],
    );
  });

  test('detection reads magic bytes only', () => {
    assert.equal(detectImageType(Buffer.from('RIFF\0\0\0\0WAVE')), null);
    assert.equal(detectImageType(jpeg()), 'image/jpeg');
    assert.throws(() => checkImage(new Uint8Array(), limits), refusedWith('bad_request', /Choose an image/));
  });
});
