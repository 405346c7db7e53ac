import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import * as openApiRoute from '../../app/api/openapi.json/route';
import { createApiToken } from '../../lib/auth/api-tokens';
import { isRefusal } from '../../lib/boundary/route-descriptions';
import { httpMethods, pathOfFolder, type OpenApiDocument } from '../../lib/openapi/document';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

// The served document against the route files on disk: every route file under app/api (but the
// catch-all JSON 404) and every method it handles must be in it, and nothing else. A new route
// file fails here until it is listed in lib/openapi/routes.ts.
const { db } = await useTestDatabase();
const apiDir = path.resolve('app/api');
const catchAll = path.join('[...path]', 'route.ts');

const routeFolders = fs
  .readdirSync(apiDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => path.basename(file) === 'route.ts' && file !== catchAll)
  .map((file) => path.dirname(file).split(path.sep).join('/'))
  .sort();

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const getDocument = (headers: Record<string, string> = {}) =>
  (openApiRoute.GET as Handler)(new Request('http://localhost/api/openapi.json', { headers }), {
    params: Promise.resolve({}),
  });

const user = await createTestUser(db, { role: 'requester' });
const { token } = await db.transaction((tx) =>
  createApiToken(tx, actorFor(user), { name: 'openapi', scope: 'read', expiresInDays: 1 }),
);
const reply = await getDocument({ authorization: `Bearer ${token}` });
const text = await reply.text();

// Without any credentials the route reads the session cookie through Next.js, so that case is in
// tests/e2e/api-docs.spec.ts; here an unknown token stands for "not signed in".
test('a requester’s read token gets the document as JSON; an unknown token gets 401', async () => {
  assert.equal(reply.status, 200, text);
  assert.match(reply.headers.get('content-type') ?? '', /application\/json/);
  const unknown = await getDocument({ authorization: `Bearer ${token.slice(0, -4)}zzzz` });
  assert.equal(unknown.status, 401);
});

const document = JSON.parse(text) as OpenApiDocument;

test('it declares OpenAPI 3.1 and this installation as its server', () => {
  assert.equal(document.openapi, '3.1.0');
  assert.equal(document.servers.length, 1);
  assert.ok(document.components && 'securitySchemes' in document.components);
});

test('every route file and every method it handles is in the document, and nothing else', async () => {
  assert.ok(routeFolders.length >= 30, routeFolders.join(', '));
  const missing: string[] = [];
  const expected = new Set<string>();
  for (const folder of routeFolders) {
    const routeModule = (await import(path.join(apiDir, folder, 'route.ts'))) as Record<string, unknown>;
    const item = document.paths[pathOfFolder(folder)];
    for (const method of httpMethods) {
      const handler = routeModule[method];
      if (typeof handler !== 'function' || isRefusal(handler)) continue;
      expected.add(`${method} ${pathOfFolder(folder)}`);
      if (!item?.[method.toLowerCase() as 'get']) missing.push(`${method} app/api/${folder}/route.ts`);
    }
  }
  assert.deepEqual(missing, [], `Missing from the OpenAPI document (list the file in lib/openapi/routes.ts)`);
  const extra = Object.entries(document.paths).flatMap(([address, item]) =>
    Object.keys(item)
      .map((method) => `${method.toUpperCase()} ${address}`)
      .filter((operation) => !expected.has(operation)),
  );
  assert.deepEqual(extra, [], 'Operations in the document with no route file handling them');
});

test('the schemas are the ones the routes parse', () => {
  const createTicket = document.paths['/api/tickets'].post!;
  const body = createTicket.requestBody!.content['application/json'].schema as {
    required: string[];
    properties: Record<string, unknown>;
  };
  assert.ok(body.required.includes('title'), JSON.stringify(body));
  assert.ok('description' in body.properties);
  const listTickets = document.paths['/api/tickets'].get!;
  const q = listTickets.parameters?.find((parameter) => parameter.name === 'q');
  assert.equal(q?.in, 'query');
  assert.equal(q?.required, false);
  const ticket = document.paths['/api/tickets/{id}'].patch!;
  assert.deepEqual(
    ticket.parameters?.map((parameter) => [parameter.name, parameter.in, parameter.required]),
    [['id', 'path', true]],
  );
  assert.deepEqual(document.paths['/api/health'].get!.security, []);
  assert.deepEqual(document.paths['/api/tickets'].get!.security, [{ sessionCookie: [] }, { bearerToken: [] }]);
  assert.match(document.paths['/api/tokens'].get!.description ?? '', /Any signed-in user/);
  assert.equal(document.paths['/api/openapi.json'].post, undefined);
});

test('an asset’s place can be sent by id or by path on create and update', () => {
  for (const operation of [document.paths['/api/assets'].post!, document.paths['/api/assets/{id}'].patch!]) {
    const body = operation.requestBody!.content['application/json'].schema as {
      properties: Record<string, { description?: string }>;
    };
    assert.ok('locationId' in body.properties);
    assert.match(body.properties.location?.description ?? '', /path.*HQ \/ Floor 2/, JSON.stringify(body.properties));
  }
});
