import 'server-only';
import { notFound } from 'next/navigation';
import type { Actor } from '../actor';
import type { UserRole } from '../db/schema';
import { redirectInApp } from '../http/redirect-in-app';
import { actorOf, requestedPath, signedInSession } from './request';
import { resolveViewerTimeZone } from './viewer-time-zone';

/**
 * For pages and layouts: the signed-in Actor, or a redirect to the login page that comes back
 * here. With `roles`, anyone else gets "not found", as for anything they may not see. It also
 * settles the viewer's time zone before the page renders, so every formatDateTime follows it.
 */
export async function pageActor(roles?: readonly UserRole[]): Promise<Actor> {
  const signedIn = await signedInSession();
  if (!signedIn) return redirectInApp(`/login?next=${encodeURIComponent(await requestedPath())}`);
  if (roles && !roles.includes(signedIn.user.role)) notFound();
  await resolveViewerTimeZone();
  return actorOf(signedIn);
}
