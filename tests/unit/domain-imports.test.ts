import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

// ARCHITECTURE.md's rule that domain code knows nothing of HTTP, checked on every file of every
// domain folder it names: a domain function that reached for a request, a cookie or a response
// could not be called by a job, a script or another domain function.

const architecture = fs.readFileSync('ARCHITECTURE.md', 'utf8');
const rule = /\*\*Domain code knows nothing of HTTP\.\*\* Nothing under ([\s\S]*?) imports/.exec(architecture);
const domainFolders = [...(rule?.[1] ?? '').matchAll(/`(lib\/[a-z-]+)`/g)].map((match) => match[1]);
const forbidden = /from '(next\/[^']*|[^']*\/(?:http|boundary)\/[^']*|@\/lib\/(?:http|boundary)[^']*)'/;

function filesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

test('ARCHITECTURE.md names the domain folders, and each exists', () => {
  assert.ok(domainFolders.length >= 10, `found ${domainFolders.join(', ')}`);
  for (const folder of domainFolders) assert.ok(fs.existsSync(folder), `${folder} is named but missing`);
});

test('no domain file imports next/*, lib/http or lib/boundary', () => {
  const offenders = domainFolders.flatMap(filesUnder).flatMap((file) => {
    const found = forbidden.exec(fs.readFileSync(file, 'utf8'));
    return found ? [`${file}: ${found[1]}`] : [];
  });
  assert.deepEqual(offenders, []);
});
