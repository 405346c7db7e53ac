import type { z } from 'zod';
import type { UserRole } from '../db/schema';

// What a route handler was built from, kept beside the handler itself, so the OpenAPI document
// (lib/openapi/document.ts) describes the very schemas the route parses, with no second copy.

export type RouteDescription = {
  /** "public" answers anyone; "signed-in" needs a session cookie or an API token. */
  access: 'public' | 'signed-in';
  roles?: readonly UserRole[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  bodyOptional?: boolean;
  /** A sentence for a handler that reads or answers something its schemas do not show. */
  note?: string;
};

const descriptions = new WeakMap<object, RouteDescription>();
const refusals = new WeakSet<object>();

/** Records what `handler` accepts and returns the handler unchanged. */
export function describeHandler<H extends object>(handler: H, description: RouteDescription): H {
  descriptions.set(handler, description);
  return handler;
}

export function descriptionOf(handler: unknown): RouteDescription | undefined {
  return typeof handler === 'function' ? descriptions.get(handler) : undefined;
}

/** Marks an otherMethods() handler: a method the file refuses with 405, left out of the document. */
export function markRefusal<H extends object>(handler: H): H {
  refusals.add(handler);
  return handler;
}

export function isRefusal(handler: unknown): boolean {
  return typeof handler === 'function' && refusals.has(handler);
}
