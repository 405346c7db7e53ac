import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { everyoneCanEnter } from '../support/embedded-postgres-packages';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-enter-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

test('a folder is enterable by everyone only when every folder on its path is', () => {
  fs.chmodSync(root, 0o755);
  const home = path.join(root, 'home');
  const project = path.join(home, 'project');
  fs.mkdirSync(project, { recursive: true, mode: 0o755 });

  fs.chmodSync(home, 0o700);
  assert.equal(everyoneCanEnter(project), false, 'a private parent hides it');
  fs.chmodSync(home, 0o711);
  assert.equal(everyoneCanEnter(project), true, 'a parent others may pass through (x without r) does not');
  fs.chmodSync(project, 0o750);
  assert.equal(everyoneCanEnter(project), false, 'nor may others enter a folder closed to them');
});
