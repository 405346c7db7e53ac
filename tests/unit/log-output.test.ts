import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';

// lib/log.ts writes stdout's lines once per turn of the event loop. Whatever a process logs must
// still reach its log, in order, when it exits in the same turn (a script ending with
// process.exit, a server told to stop); errors go to stderr.

function runLogging(script: string) {
  return spawnSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', '--input-type=module', '--eval', script],
    { cwd: process.cwd(), encoding: 'utf8', timeout: 30_000 },
  );
}

const events = (output: string) =>
  output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => (JSON.parse(line) as { event: string }).event);

describe('log output', () => {
  test('lines logged right before process.exit are written, in order', () => {
    const child = runLogging(`import { log } from './lib/log.ts';
for (const n of [1, 2, 3]) log.info('step.' + n);
log.warn('step.4');
log.error('failed');
process.exit(0);`);
    assert.equal(child.status, 0, child.stderr);
    assert.deepEqual(events(child.stdout), ['step.1', 'step.2', 'step.3', 'step.4']);
    assert.deepEqual(events(child.stderr), ['failed']);
  });
});
