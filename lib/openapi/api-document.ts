import 'server-only';
import { route } from '../boundary/route';
import { getConfig } from '../config';
import { openApiDocument, type OpenApiDocument } from './document';
import { routeModules } from './routes';

// The document this installation serves, at its own address (PUBLIC_URL, else the base path). The
// handler of /api/openapi.json lives here, so it can list itself without the route file importing
// a list that imports the route file.

export const openApiDocumentHandler = route(
  { note: 'This document: OpenAPI 3.1, generated from the schemas the routes parse.' },
  () => Promise.resolve(apiDocument()),
);

export function apiDocument(): OpenApiDocument {
  const { publicUrl, basePath } = getConfig();
  return openApiDocument(
    [...routeModules, { folder: 'openapi.json', module: { GET: openApiDocumentHandler } }],
    publicUrl ?? (basePath || '/'),
  );
}
