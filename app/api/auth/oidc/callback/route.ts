import { otherMethods, publicRoute } from '@/lib/boundary/route';
import { finishOidcSignIn } from '@/lib/boundary/oidc-sign-in';

// Where the provider sends the browser back: a redirect into the app, or to the sign-in page with why not.
export const GET = publicRoute(
  { note: 'Where the single sign-on provider returns the browser; redirects.' },
  async ({ request }) => finishOidcSignIn(request),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
