import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../lib/db/schema';
import { AppError } from '../../lib/errors';
import { setTimeZonePreference, timeZonePreference } from '../../lib/users/preferences';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

const { db } = await useTestDatabase();

describe("a user's time zone", () => {
  test('follows the browser until chosen, then the choice; each change is audited', async () => {
    const user = await createTestUser(db, { role: 'requester' });
    assert.equal(await timeZonePreference(db, user.id), null);
    await db.transaction((tx) => setTimeZonePreference(tx, actorFor(user), { timeZone: 'Asia/Tokyo' }));
    assert.equal(await timeZonePreference(db, user.id), 'Asia/Tokyo');
    await db.transaction((tx) => setTimeZonePreference(tx, actorFor(user), { timeZone: 'US/Eastern' }));
    assert.equal(await timeZonePreference(db, user.id), 'America/New_York');
    await db.transaction((tx) => setTimeZonePreference(tx, actorFor(user), { timeZone: null }));
    assert.equal(await timeZonePreference(db, user.id), null);
    const audited = await db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.time_zone'), eq(auditLog.actorId, user.id)))
      .orderBy(auditLog.id);
    assert.deepEqual(
      audited.map((row) => row.details),
      [{ timeZone: 'Asia/Tokyo' }, { timeZone: 'America/New_York' }, { timeZone: null }],
    );
  });

  test('a zone that is not in the IANA list is refused beside the field, and nothing changes', async () => {
    const user = await createTestUser(db, { role: 'agent' });
    await assert.rejects(
      db.transaction((tx) => setTimeZonePreference(tx, actorFor(user), { timeZone: 'Mars/Olympus' })),
      (error) => error instanceof AppError && error.code === 'validation_failed' && 'timeZone' in (error.fields ?? {}),
    );
    assert.equal(await timeZonePreference(db, user.id), null);
  });

  test("one user's choice is theirs alone", async () => {
    const [first, second] = [await createTestUser(db, {}), await createTestUser(db, {})];
    await db.transaction((tx) => setTimeZonePreference(tx, actorFor(first), { timeZone: 'Europe/Berlin' }));
    assert.equal(await timeZonePreference(db, second.id), null);
  });
});
