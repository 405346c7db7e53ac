import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import * as assetsRoute from '../../app/api/assets/route';
import * as assetRoute from '../../app/api/assets/[id]/route';
import { createAsset, updateAsset } from '../../lib/assets/mutations';
import { findAsset } from '../../lib/assets/queries';
import { createApiToken } from '../../lib/auth/api-tokens';
import { createLocation } from '../../lib/locations/mutations';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

// API clients written before places (and Snipe-IT habits) name an asset's place by its path in
// `location`; POST and PATCH /api/assets take it as an alternative to `locationId`.
const { db, rows } = await useTestDatabase();
const admin = actorFor(await createTestUser(db, { role: 'admin' }), { ipAddress: '192.0.2.30' });
const { token } = await db.transaction((tx) =>
  createApiToken(tx, admin, { name: 'location by path', scope: 'write', expiresInDays: 1 }),
);

const place = (name: string, parentId?: string) =>
  db.transaction((tx) => createLocation(tx, admin, { name, parentId }));
const hq = await place('HQ');
const floor = await place('Floor 2', hq.id);
const room = await place('Room 201', floor.id);
const lab = await place('Lab', hq.id);

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Reply = {
  asset?: { id: string; location: string | null; locationId: string | null; version: number };
  error?: { code: string; message: string; fields?: Record<string, string> };
};

async function call(handler: Handler, method: 'POST' | 'PATCH', path: string, body: unknown, id?: string) {
  const reply = await handler(
    new Request(`http://localhost${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve<Record<string, string>>(id ? { id } : {}) },
  );
  return { status: reply.status, body: (await reply.json()) as Reply };
}

let counter = 0;
const tag = () => `LOCAPI-${++counter}`;
const post = (body: Record<string, unknown>) =>
  call(assetsRoute.POST, 'POST', '/api/assets', { assetTag: tag(), name: 'Laptop', ...body });
const patch = async (id: string, body: Record<string, unknown>) => {
  const { version } = await findAsset(db, admin, id);
  return call(assetRoute.PATCH, 'PATCH', `/api/assets/${id}`, { version, ...body }, id);
};
const placeOf = async (id: string) => {
  const asset = await findAsset(db, admin, id);
  return [asset.locationId, asset.location];
};

describe('an asset’s place by its path in the JSON API', () => {
  test('POST with a known path in any letter case and spacing puts the asset at that place', async () => {
    const reply = await post({ location: 'hq/floor 2 /  ROOM 201' });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    assert.deepEqual([reply.body.asset?.locationId, reply.body.asset?.location], [room.id, 'HQ / Floor 2 / Room 201']);
  });

  test('an unknown path is a 400 naming the location field, and nothing is created or changed', async () => {
    const refused = await post({ assetTag: 'LOCAPI-UNKNOWN', location: 'HQ / Floor 9' });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error?.code, 'validation_failed');
    assert.deepEqual(refused.body.error?.fields, {
      location: 'No place has this path; create it under Locations first.',
    });
    assert.deepEqual([...(await rows(sql`select id from assets where asset_tag = 'LOCAPI-UNKNOWN'`))], []);

    const { body } = await post({ locationId: lab.id });
    const unchanged = await patch(body.asset!.id, { location: 'Nowhere' });
    assert.equal(unchanged.status, 400);
    assert.deepEqual(Object.keys(unchanged.body.error?.fields ?? {}), ['location']);
    assert.deepEqual(await placeOf(body.asset!.id), [lab.id, 'HQ / Lab']);
  });

  test('PATCH moves the asset by path; null and "" clear its place, as locationId: null does', async () => {
    const { body } = await post({ locationId: lab.id });
    const id = body.asset!.id;
    const moved = await patch(id, { location: 'HQ / Floor 2' });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.deepEqual(await placeOf(id), [floor.id, 'HQ / Floor 2']);
    assert.equal((await patch(id, { location: null })).status, 200);
    assert.deepEqual(await placeOf(id), [null, null]);
    await patch(id, { location: 'hq / lab' });
    assert.deepEqual(await placeOf(id), [lab.id, 'HQ / Lab']);
    assert.equal((await patch(id, { location: '' })).status, 200);
    assert.deepEqual(await placeOf(id), [null, null]);
  });

  test('location and locationId together must name the same place; if not, 400 and nothing changes', async () => {
    const agreeing = await post({ locationId: room.id, location: 'HQ / Floor 2 / Room 201' });
    assert.equal(agreeing.status, 201, JSON.stringify(agreeing.body));
    assert.equal(agreeing.body.asset?.locationId, room.id);
    const id = agreeing.body.asset.id;

    const disagreeing = [
      { locationId: lab.id, location: 'HQ / Floor 2 / Room 201' },
      { locationId: null, location: 'HQ / Lab' },
      { locationId: lab.id, location: null },
    ];
    for (const fields of disagreeing) {
      const created = await post(fields);
      const changed = await patch(id, fields);
      for (const reply of [created, changed]) {
        assert.equal(reply.status, 400, JSON.stringify(fields));
        assert.deepEqual(reply.body.error?.fields, {
          location: 'location and locationId name different places; send one of them.',
        });
      }
    }
    assert.deepEqual(await placeOf(id), [room.id, 'HQ / Floor 2 / Room 201']);
    assert.equal((await patch(id, { locationId: null, location: null })).status, 200);
    assert.deepEqual(await placeOf(id), [null, null]);
  });

  test('the domain functions take the path too, so the form’s own locationId path is unchanged', async () => {
    const created = await db.transaction((tx) =>
      createAsset(tx, admin, { assetTag: tag(), name: 'Desk phone', location: 'HQ / LAB' }),
    );
    assert.equal(created.locationId, lab.id);
    const updated = await db.transaction((tx) =>
      updateAsset(tx, admin, { assetId: created.id, locationId: room.id, version: created.version }),
    );
    assert.equal(updated.location, 'HQ / Floor 2 / Room 201');
  });
});
