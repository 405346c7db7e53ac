import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import * as labelsRoute from '../../app/api/assets/labels/route';
import * as lookupRoute from '../../app/api/assets/lookup/route';
import * as checkoutBatchRoute from '../../app/api/assets/checkout-batch/route';
import * as labelLogoRoute from '../../app/api/labels/logo/route';
import { checkOutAsset } from '../../lib/assets/assignments';
import { checkOutMany } from '../../lib/assets/check-out-many';
import { createAsset, updateAsset } from '../../lib/assets/mutations';
import { findAsset } from '../../lib/assets/queries';
import { findAssetByCode, findAssetByTag } from '../../lib/assets/scan-lookup';
import { createApiToken } from '../../lib/auth/api-tokens';
import { AppError } from '../../lib/errors';
import { setUserActive } from '../../lib/users/mutations';
import { findLabelLogo, removeLabelLogo, setLabelLogo } from '../../lib/labels/logo';
import { renderLabelsPdf } from '../../lib/labels/render';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

const { db } = await useTestDatabase({ PUBLIC_URL: 'https://it.example.com/itam' });

const admin = await createTestUser(db, { role: 'admin' });
const agent = await createTestUser(db, { role: 'agent' });
const requester = await createTestUser(db, { role: 'requester' });
const person = await createTestUser(db, { role: 'requester' });
const as = (user: typeof admin) => actorFor(user, { ipAddress: '192.0.2.20' });

const labelCount = 31;
const assetIds: string[] = [];
for (let index = 1; index <= labelCount; index++) {
  const asset = await db.transaction((tx) =>
    createAsset(tx, as(admin), {
      assetTag: `LBL-${String(index).padStart(3, '0')}`,
      name:
        index === 1
          ? 'A very long laptop name that cannot possibly fit on one small label — Ünïcødé ✓ 漢字'
          : `Laptop ${index}`,
      category: 'Laptop',
      serial: `SER-${index}`,
    }),
  );
  assetIds.push(asset.id);
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function tokenFor(user: typeof admin) {
  const created = await db.transaction((tx) =>
    createApiToken(tx, as(user), { name: `labels ${user.username}`, scope: 'write', expiresInDays: 7 }),
  );
  return created.token;
}
const adminToken = await tokenFor(admin);
const requesterToken = await tokenFor(requester);

function call(handler: Handler, path: string, token: string, options: { method?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  return handler(
    new Request(`http://localhost${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    }),
    { params: Promise.resolve({}) },
  );
}

const isNotFound = (error: unknown) => error instanceof AppError && error.code === 'not_found';

describe('the labels PDF route', () => {
  for (const [format, pages] of [
    ['a4-3x8', 2],
    ['letter-5160', 2],
    ['roll-62x29', labelCount],
    ['roll-89x36', labelCount],
  ] as const) {
    test(`${labelCount} labels on ${format} make a valid PDF of ${pages} pages`, async () => {
      const reply = await call(labelsRoute.GET, `/api/assets/labels?format=${format}&q=LBL-`, adminToken);
      assert.equal(reply.status, 200);
      assert.equal(reply.headers.get('content-type'), 'application/pdf');
      const bytes = new Uint8Array(await reply.arrayBuffer());
      assert.equal(new TextDecoder().decode(bytes.slice(0, 5)), '%PDF-');
      const parsed = await PDFDocument.load(bytes);
      assert.equal(parsed.getPageCount(), pages);
    });
  }

  test('chosen ids print just those, in tag order', async () => {
    const reply = await call(
      labelsRoute.GET,
      `/api/assets/labels?format=roll-62x29&ids=${assetIds[2]},${assetIds[0]}`,
      adminToken,
    );
    assert.equal(reply.status, 200);
    const parsed = await PDFDocument.load(new Uint8Array(await reply.arrayBuffer()));
    assert.equal(parsed.getPageCount(), 2);
  });

  test('a bad format or id is a 400 that says what is wrong', async () => {
    const badFormat = await call(labelsRoute.GET, '/api/assets/labels?format=a5', adminToken);
    assert.equal(badFormat.status, 400);
    assert.match(JSON.stringify(await badFormat.json()), /format is one of/);
    const badId = await call(labelsRoute.GET, '/api/assets/labels?ids=nope', adminToken);
    assert.equal(badId.status, 400);
  });

  test('a requester cannot print labels, not even of an asset checked out to them', async () => {
    await db.transaction((tx) => checkOutAsset(tx, as(agent), { assetId: assetIds[30], userId: requester.id }));
    const reply = await call(labelsRoute.GET, `/api/assets/labels?ids=${assetIds[30]}`, requesterToken);
    assert.equal(reply.status, 404);
    await assert.rejects(
      renderLabelsPdf(db, as(requester), { assetIds: [assetIds[30]], format: 'a4-3x8' }),
      isNotFound,
    );
  });

  test('the domain function takes a filter (for bulk changes) and refuses an empty selection', async () => {
    const pdf = await renderLabelsPdf(db, as(agent), {
      filter: { q: 'LBL-', sort: 'tag', dir: 'asc' },
      format: 'letter-5160',
    });
    assert.equal(pdf.labels, labelCount);
    assert.equal(pdf.pages, 2);
    await assert.rejects(renderLabelsPdf(db, as(agent), { assetIds: [], format: 'a4-3x8' }), isNotFound);
  });
});

describe('/a/<tag> and scanned codes', () => {
  test('a tag in any letter case finds its asset; an unknown one is not found', async () => {
    assert.equal((await findAssetByTag(db, as(agent), 'lbl-002')).id, assetIds[1]);
    await assert.rejects(findAssetByTag(db, as(agent), 'NOPE-1'), isNotFound);
  });

  test('a tag no asset can have (a NUL byte, control characters, too long) is not found, not a database error', async () => {
    for (const tag of ['LBL-002\u0000', 'LBL\u0007002', 'L'.repeat(501)])
      await assert.rejects(findAssetByTag(db, as(agent), tag), isNotFound);
  });

  test('a requester finds only what is checked out to them', async () => {
    assert.equal((await findAssetByTag(db, as(requester), 'LBL-031')).id, assetIds[30]);
    await assert.rejects(findAssetByTag(db, as(requester), 'LBL-002'), isNotFound);
  });

  test('a scanned code: our short URL, then a tag, then a serial', async () => {
    assert.equal((await findAssetByCode(db, as(agent), 'https://it.example.com/itam/a/LBL-003')).id, assetIds[2]);
    assert.equal((await findAssetByCode(db, as(agent), 'LBL-004')).id, assetIds[3]);
    assert.equal((await findAssetByCode(db, as(agent), 'ser-5')).id, assetIds[4]);
    await assert.rejects(findAssetByCode(db, as(agent), 'unknown'), isNotFound);
  });

  test('the lookup route says whether the asset can join a quick check-out', async () => {
    const reply = await call(lookupRoute.GET, '/api/assets/lookup?code=LBL-031', adminToken);
    assert.equal(reply.status, 200);
    const body = (await reply.json()) as { asset: { id: string }; checkOutProblem: string | null };
    assert.equal(body.asset.id, assetIds[30]);
    assert.match(body.checkOutProblem ?? '', /Already checked out to/);
    const missing = await call(lookupRoute.GET, '/api/assets/lookup?code=NOPE', adminToken);
    assert.equal(missing.status, 404);
  });

  test('a label address whose tag decodes to a control character is not found, not refused as input', async () => {
    const code = encodeURIComponent('https://it.example.com/itam/a/LBL-002%00');
    const reply = await call(lookupRoute.GET, `/api/assets/lookup?code=${code}`, adminToken);
    assert.equal(reply.status, 404);
  });

  test('the lookup is for staff: a requester is told "not found", even for an asset checked out to them', async () => {
    const reply = await call(lookupRoute.GET, '/api/assets/lookup?code=LBL-031', requesterToken);
    assert.equal(reply.status, 404);
    await assert.rejects(findAssetByCode(db, as(requester), 'LBL-031'), isNotFound);
  });
});

describe('continuous check-out', () => {
  test('the available items go in one transaction; each other one is refused with its reason', async () => {
    const inRepair = assetIds[10];
    const current = await findAsset(db, as(agent), inRepair);
    await db.transaction((tx) =>
      updateAsset(tx, as(agent), { assetId: inRepair, status: 'in_repair', version: current.version }),
    );
    const result = await db.transaction((tx) =>
      checkOutMany(tx, as(agent), {
        userId: person.id,
        assetIds: [assetIds[11], assetIds[30], inRepair, assetIds[12]],
      }),
    );
    assert.deepEqual(
      result.checkedOut.map((asset) => asset.assetTag),
      ['LBL-012', 'LBL-013'],
    );
    assert.deepEqual(
      result.refused.map((entry) => [entry.assetTag, entry.reason]),
      [
        ['LBL-031', `Already checked out to ${requester.displayName}.`],
        ['LBL-011', 'In repair: check it out from its own page if you mean to.'],
      ],
    );
    assert.equal((await findAsset(db, as(agent), assetIds[11])).assignedTo?.id, person.id);
    assert.equal((await findAsset(db, as(agent), inRepair)).assignedTo, null);
  });

  test('a duplicate in the list or no person refuses the whole batch', async () => {
    await assert.rejects(
      db.transaction((tx) =>
        checkOutMany(tx, as(agent), { userId: person.id, assetIds: [assetIds[13], assetIds[13]] }),
      ),
      (error) => error instanceof AppError && error.code === 'validation_failed',
    );
    const inactive = await createTestUser(db, { role: 'requester' });
    await db.transaction((tx) => setUserActive(tx, as(admin), { userId: inactive.id, active: false }));
    await assert.rejects(
      db.transaction((tx) => checkOutMany(tx, as(agent), { userId: inactive.id, assetIds: [assetIds[13]] })),
      (error) => error instanceof AppError && error.code === 'validation_failed',
    );
    assert.equal((await findAsset(db, as(agent), assetIds[13])).assignedTo, null);
  });

  test('the route: staff only', async () => {
    const body = { userId: person.id, assetIds: [assetIds[14]] };
    const refused = await call(checkoutBatchRoute.POST, '/api/assets/checkout-batch', requesterToken, {
      method: 'POST',
      body,
    });
    assert.equal(refused.status, 404);
    const reply = await call(checkoutBatchRoute.POST, '/api/assets/checkout-batch', adminToken, {
      method: 'POST',
      body,
    });
    assert.equal(reply.status, 200);
    const result = (await reply.json()) as { checkedOut: { assetTag: string }[]; refused: unknown[] };
    assert.deepEqual(
      result.checkedOut.map((asset) => asset.assetTag),
      ['LBL-015'],
    );
  });
});

describe('the label logo', () => {
  // A 1×1 PNG (the smallest valid one: signature, IHDR, IDAT, IEND).
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC',
    'base64',
  );

  test('an admin sets it; labels then carry it; an agent may not set it; removing it is audited', async () => {
    await assert.rejects(
      db.transaction((tx) => setLabelLogo(tx, as(agent), png)),
      (error) => error instanceof AppError && error.code === 'forbidden',
    );
    const without = await renderLabelsPdf(db, as(agent), { assetIds: [assetIds[0]], format: 'roll-62x29' });
    await db.transaction((tx) => setLabelLogo(tx, as(admin), png));
    assert.equal((await findLabelLogo(db))?.contentType, 'image/png');
    const withLogo = await renderLabelsPdf(db, as(agent), { assetIds: [assetIds[0]], format: 'roll-62x29' });
    assert.ok(withLogo.bytes.byteLength > without.bytes.byteLength, 'the logo is embedded');
    assert.equal(await db.transaction((tx) => removeLabelLogo(tx, as(admin))), true);
    assert.equal(await findLabelLogo(db), null);
  });

  test('the route: a requester is told "not found" whatever the method; an agent sees it but may not change it', async () => {
    await db.transaction((tx) => setLabelLogo(tx, as(admin), png));
    try {
      const agentToken = await tokenFor(agent);
      assert.equal((await call(labelLogoRoute.GET, '/api/labels/logo', agentToken)).status, 200);
      assert.equal(
        (await call(labelLogoRoute.DELETE, '/api/labels/logo', agentToken, { method: 'DELETE' })).status,
        403,
      );
      for (const method of ['GET', 'DELETE'] as const) {
        const reply = await call(labelLogoRoute[method], '/api/labels/logo', requesterToken, { method });
        assert.equal(reply.status, 404, method);
      }
      assert.ok(await findLabelLogo(db));
    } finally {
      await db.transaction((tx) => removeLabelLogo(tx, as(admin)));
    }
  });

  test('a file that is not an image is refused', async () => {
    await assert.rejects(
      db.transaction((tx) => setLabelLogo(tx, as(admin), Buffer.from('not an image'))),
      (error) => error instanceof AppError && error.code === 'unsupported_media_type',
    );
  });
});
