import { z } from 'zod';
import { otherMethods, publicRoute } from '@/lib/boundary/route';
import { startOidcSignIn } from '@/lib/boundary/oidc-sign-in';
import { singleLineText } from '@/lib/validation';

// "Sign in with …": a redirect to the provider (404 when single sign-on is not set up).
// Any length: a return path too long to carry goes to the dashboard (safeNextPath).
const startQuery = z.object({ next: singleLineText().optional() });

export const GET = publicRoute(
  { query: startQuery, note: 'Redirects to the single sign-on provider.' },
  async ({ query }) => startOidcSignIn(query.next),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
