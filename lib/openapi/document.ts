import { z } from 'zod';
import { descriptionOf, isRefusal, type RouteDescription } from '../boundary/route-descriptions';
import { sessionCookieName } from '../auth/session-cookie';
import { errorStatus } from '../errors';

// The OpenAPI 3.1 document of the JSON API, built from the route modules themselves: each method a
// route file handles (not an otherMethods() refusal) with the zod schemas its route() parses,
// turned into JSON Schema (draft 2020-12, which OpenAPI 3.1 uses) as the request's side sees them.

export type RouteEntry = { folder: string; module: Record<string, unknown> };
type JsonSchema = Record<string, unknown>;
type Parameter = { name: string; in: 'path' | 'query'; required: boolean; schema: JsonSchema; description?: string };
export type Operation = {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { required: boolean; content: { 'application/json': { schema: JsonSchema } } };
  security: Record<string, string[]>[];
  responses: Record<string, unknown>;
};
export type OpenApiDocument = {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  tags: { name: string }[];
  paths: Record<string, Partial<Record<HttpMethod, Operation>>>;
  components: Record<string, unknown>;
};

export const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type HttpMethod = Lowercase<(typeof httpMethods)[number]>;

/** `tickets/[id]/comments` → `/api/tickets/{id}/comments`. */
export function pathOfFolder(folder: string): string {
  return `/api/${folder.replace(/\[([A-Za-z0-9_]+)\]/g, '{$1}')}`;
}

/** A schema's input side in JSON Schema; parts JSON Schema cannot say (transforms, refinements) are left open. */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const converted = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  delete converted.$schema;
  return converted;
}

function pathParameters(path: string, params: z.ZodType | undefined): Parameter[] {
  const properties = (params ? jsonSchemaOf(params).properties : undefined) as Record<string, JsonSchema> | undefined;
  return [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: properties?.[name] ?? { type: 'string' },
  }));
}

function queryParameters(query: z.ZodType | undefined): Parameter[] {
  if (!query) return [];
  const schema = jsonSchemaOf(query);
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    // A default makes a key optional to the caller even where the parsed value always has it.
    required: required.has(name) && !('default' in property),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function accessSummary(description: RouteDescription): string {
  if (description.access === 'public') return 'Anyone (no sign-in).';
  if (description.roles) return `Signed-in users with the role ${description.roles.join(' or ')}.`;
  return 'Any signed-in user.';
}

function operation(method: HttpMethod, folder: string, path: string, description: RouteDescription): Operation {
  const parameters = [...pathParameters(path, description.params), ...queryParameters(description.query)];
  const signedIn = description.access === 'signed-in';
  return {
    operationId: `${method}_${folder.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '')}`,
    tags: [folder.split('/')[0]],
    summary: `${method.toUpperCase()} ${path}`,
    description: [accessSummary(description), description.note].filter(Boolean).join(' '),
    ...(parameters.length ? { parameters } : {}),
    ...(description.body
      ? {
          requestBody: {
            required: !description.bodyOptional,
            content: { 'application/json': { schema: jsonSchemaOf(description.body) } },
          },
        }
      : {}),
    security: signedIn ? [{ sessionCookie: [] }, { bearerToken: [] }] : [],
    responses: {
      '2XX': { description: 'Success: JSON, unless the description says otherwise.' },
      ...(description.params || description.query || description.body
        ? { '400': errorResponse('The input is invalid (`validation_failed` names each field in `fields`).') }
        : {}),
      ...(signedIn ? { '401': errorResponse('Not signed in, or the API token is invalid.') } : {}),
      ...(signedIn ? { '403': errorResponse('Not allowed (role, token scope, or another site).') } : {}),
      default: errorResponse('Any other failure, in the one error body.'),
    },
  };
}

/** The document of every entry's handled methods; throws naming a handled method that has no description. */
export function openApiDocument(entries: readonly RouteEntry[], serverUrl: string): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const { folder, module } of [...entries].sort((a, b) => a.folder.localeCompare(b.folder))) {
    const path = pathOfFolder(folder);
    for (const method of httpMethods) {
      const handler = module[method];
      if (typeof handler !== 'function' || isRefusal(handler)) continue;
      const description = descriptionOf(handler);
      if (!description) throw new Error(`${method} app/api/${folder}/route.ts has no route description.`);
      const lower = method.toLowerCase() as HttpMethod;
      (paths[path] ??= {})[lower] = operation(lower, folder, path, description);
    }
  }
  const tags = [...new Set(entries.map((entry) => entry.folder.split('/')[0]))].sort().map((name) => ({ name }));
  return {
    openapi: '3.1.0',
    info: {
      title: 'IT Assets Manager JSON API',
      version: '1',
      description:
        'Every JSON route. Sign in with the session cookie, or send `Authorization: Bearer <token>` with a personal API token (a read token may only read). Every failure answers the one error body.',
    },
    servers: [{ url: serverUrl }],
    tags,
    paths,
    components: {
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: sessionCookieName },
        bearerToken: { type: 'http', scheme: 'bearer', description: 'A personal API token (iam_pat_…).' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string', enum: Object.keys(errorStatus) },
                message: { type: 'string', description: 'A sentence safe to show a user.' },
                fields: {
                  type: 'object',
                  additionalProperties: { type: 'string' },
                  description: 'For validation_failed: a message for each invalid field.',
                },
              },
            },
          },
        },
      },
    },
  };
}
