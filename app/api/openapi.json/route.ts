import { otherMethods } from '@/lib/boundary/route';
import { openApiDocumentHandler } from '@/lib/openapi/api-document';

// The OpenAPI 3.1 document of the JSON API, for signed-in users (and API tokens).
export const GET = openApiDocumentHandler;

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
