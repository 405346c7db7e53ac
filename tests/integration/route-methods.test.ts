import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

// Next.js answers a method that a route file does not export with an empty 405. Every route file
// under app/api/ therefore exports every method: its own, and otherMethods() for the rest, which
// answer 405 in the one JSON error body with the Allow header that OPTIONS also gives.
const apiDir = path.resolve('app/api');
const catchAll = path.join('[...path]', 'route.ts');
const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

type RouteModule = Record<string, ((request: Request, context: object) => Promise<Response> | Response) | undefined>;

const routeFiles = fs
  .readdirSync(apiDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => path.basename(file) === 'route.ts' && file !== catchAll);

const call = (routeModule: RouteModule, method: string) =>
  routeModule[method]!(new Request(`http://localhost/api/any`, { method }), { params: Promise.resolve({}) });

test('there are route files to check', () => {
  assert.ok(routeFiles.length >= 15, routeFiles.join(', '));
});

for (const file of routeFiles) {
  test(`app/api/${file} answers every method`, async () => {
    const routeModule = (await import(path.join(apiDir, file))) as RouteModule;
    for (const method of [...methods, 'OPTIONS']) assert.equal(typeof routeModule[method], 'function', method);
    const options = await call(routeModule, 'OPTIONS');
    assert.equal(options.status, 204);
    const allow = options.headers.get('allow') ?? '';
    const refused = methods.filter((method) => !allow.split(', ').includes(method));
    assert.ok(refused.length < methods.length, `${file} handles no method at all`);
    for (const method of refused) {
      const reply = await call(routeModule, method);
      assert.equal(reply.status, 405, `${method} ${file}`);
      assert.equal(reply.headers.get('allow'), allow);
      assert.deepEqual(await reply.json(), {
        error: { code: 'method_not_allowed', message: `This address answers only ${allow}.` },
      });
    }
  });
}

test('an address no route file serves is 404 in the same error body, whatever the method', async () => {
  const routeModule = (await import(path.join(apiDir, catchAll))) as RouteModule;
  for (const method of [...methods, 'OPTIONS']) {
    const reply = await call(routeModule, method);
    assert.equal(reply.status, 404, method);
    assert.equal(((await reply.json()) as { error: { code: string } }).error.code, 'not_found');
  }
});
