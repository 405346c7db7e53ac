import 'server-only';
import { notFound } from 'next/navigation';
import type { Actor } from '../actor';
import type { UserRole } from '../db/schema';
import { isAppError } from '../errors';
import { redirectInApp } from '../http/redirect-in-app';
import { actorOf, mustSetUpSecondFactor, requestedPath, secondFactorSetupPath, signedInSession } from './request';
import { resolveViewerTimeZone } from './viewer-time-zone';

/**
 * For pages and layouts: the signed-in Actor, or a redirect to the login page that comes back
 * here. With `roles`, anyone else gets "not found", as for anything they may not see. It also
 * settles the viewer's time zone before the page renders, so every formatDateTime follows it.
 * Someone whose role requires a second factor they lack is sent to set one up, unless the caller
 * is that page (or the layout around every page: `duringSecondFactorSetup`).
 */
export async function pageActor(
  roles?: readonly UserRole[],
  options: { duringSecondFactorSetup?: boolean } = {},
): Promise<Actor> {
  const signedIn = await signedInSession();
  if (!signedIn) return redirectInApp(`/login?next=${encodeURIComponent(await requestedPath())}`);
  if (!options.duringSecondFactorSetup && (await mustSetUpSecondFactor(signedIn.user.id)))
    return redirectInApp(secondFactorSetupPath);
  if (roles && !roles.includes(signedIn.user.role)) notFound();
  await resolveViewerTimeZone();
  return actorOf(signedIn);
}

/**
 * What a page loads by the id or tag in its address: the domain's "not found" (no such record, or
 * one the actor may not see) is the page's 404, not a failed page.
 */
export async function foundOrNotFound<T>(loading: Promise<T>): Promise<T> {
  try {
    return await loading;
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  }
}
