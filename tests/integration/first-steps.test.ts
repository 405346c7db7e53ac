import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadDashboard, type StaffDashboard } from '../../lib/dashboard/dashboard';
import { assets } from '../../lib/db/schema-domain';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

const { db } = await useTestDatabase();

test('the staff dashboard counts as a new installation until the first asset (or ticket) exists', async () => {
  const admin = actorFor(await createTestUser(db, { role: 'admin' }));
  const before = (await loadDashboard(db, admin)) as StaffDashboard;
  assert.equal(before.newInstallation, true);

  await db.insert(assets).values({ assetTag: 'FIRST-001', name: 'First laptop', status: 'in_stock' });
  const after = (await loadDashboard(db, admin)) as StaffDashboard;
  assert.equal(after.newInstallation, false);
});
