// Every JSON route file under app/api, for the OpenAPI document (static imports: Next.js bundles
// only what is imported by name). tests/integration/openapi-document.test.ts fails when a route
// file is missing here. Kept sorted by path. Left out: the catch-all app/api/[...path] (the JSON 404), and
// app/api/openapi.json, which imports this list and adds itself.

import * as accountPasskeys from '@/app/api/account/passkeys/route';
import * as accountPasskeysId from '@/app/api/account/passkeys/[id]/route';
import * as accountPasskeysOptions from '@/app/api/account/passkeys/options/route';
import * as accountTotp from '@/app/api/account/totp/route';
import * as accountTotpConfirm from '@/app/api/account/totp/confirm/route';
import * as assets from '@/app/api/assets/route';
import * as assetsId from '@/app/api/assets/[id]/route';
import * as assetsIdCheckin from '@/app/api/assets/[id]/checkin/route';
import * as assetsIdCheckout from '@/app/api/assets/[id]/checkout/route';
import * as assetsIdImage from '@/app/api/assets/[id]/image/route';
import * as assetsCheckoutBatch from '@/app/api/assets/checkout-batch/route';
import * as assetsExport from '@/app/api/assets/export/route';
import * as assetsImport from '@/app/api/assets/import/route';
import * as assetsLabels from '@/app/api/assets/labels/route';
import * as assetsLookup from '@/app/api/assets/lookup/route';
import * as authLogin from '@/app/api/auth/login/route';
import * as authLogout from '@/app/api/auth/logout/route';
import * as authMe from '@/app/api/auth/me/route';
import * as authOidcCallback from '@/app/api/auth/oidc/callback/route';
import * as authOidcStart from '@/app/api/auth/oidc/start/route';
import * as authPasskeyOptions from '@/app/api/auth/passkey/options/route';
import * as authPasskeyVerify from '@/app/api/auth/passkey/verify/route';
import * as bulkChangesId from '@/app/api/bulk-changes/[id]/route';
import * as dashboard from '@/app/api/dashboard/route';
import * as health from '@/app/api/health/route';
import * as healthReady from '@/app/api/health/ready/route';
import * as kbSuggestions from '@/app/api/kb/suggestions/route';
import * as labelsLogo from '@/app/api/labels/logo/route';
import * as licenses from '@/app/api/licenses/route';
import * as locationAuditsIdReport from '@/app/api/location-audits/[id]/report/route';
import * as licensesId from '@/app/api/licenses/[id]/route';
import * as licensesIdReveal from '@/app/api/licenses/[id]/reveal/route';
import * as licensesIdSeats from '@/app/api/licenses/[id]/seats/route';
import * as licensesCounts from '@/app/api/licenses/counts/route';
import * as tickets from '@/app/api/tickets/route';
import * as ticketsId from '@/app/api/tickets/[id]/route';
import * as ticketsIdAttachments from '@/app/api/tickets/[id]/attachments/route';
import * as ticketsIdAttachmentsAttachmentId from '@/app/api/tickets/[id]/attachments/[attachmentId]/route';
import * as ticketsIdComments from '@/app/api/tickets/[id]/comments/route';
import * as ticketsExport from '@/app/api/tickets/export/route';
import * as tokens from '@/app/api/tokens/route';
import * as tokensId from '@/app/api/tokens/[id]/route';
import * as usersSearch from '@/app/api/users/search/route';

export type RouteModule = Record<string, unknown>;

/** Each route file's folder under app/api (such as `tickets/[id]`) and its exports. */
export const routeModules: readonly { folder: string; module: RouteModule }[] = [
  { folder: 'account/passkeys', module: accountPasskeys },
  { folder: 'account/passkeys/[id]', module: accountPasskeysId },
  { folder: 'account/passkeys/options', module: accountPasskeysOptions },
  { folder: 'account/totp', module: accountTotp },
  { folder: 'account/totp/confirm', module: accountTotpConfirm },
  { folder: 'assets', module: assets },
  { folder: 'assets/[id]', module: assetsId },
  { folder: 'assets/[id]/checkin', module: assetsIdCheckin },
  { folder: 'assets/[id]/checkout', module: assetsIdCheckout },
  { folder: 'assets/[id]/image', module: assetsIdImage },
  { folder: 'assets/checkout-batch', module: assetsCheckoutBatch },
  { folder: 'assets/export', module: assetsExport },
  { folder: 'assets/import', module: assetsImport },
  { folder: 'assets/labels', module: assetsLabels },
  { folder: 'assets/lookup', module: assetsLookup },
  { folder: 'auth/login', module: authLogin },
  { folder: 'auth/logout', module: authLogout },
  { folder: 'auth/me', module: authMe },
  { folder: 'auth/oidc/callback', module: authOidcCallback },
  { folder: 'auth/oidc/start', module: authOidcStart },
  { folder: 'auth/passkey/options', module: authPasskeyOptions },
  { folder: 'auth/passkey/verify', module: authPasskeyVerify },
  { folder: 'bulk-changes/[id]', module: bulkChangesId },
  { folder: 'dashboard', module: dashboard },
  { folder: 'health', module: health },
  { folder: 'health/ready', module: healthReady },
  { folder: 'kb/suggestions', module: kbSuggestions },
  { folder: 'labels/logo', module: labelsLogo },
  { folder: 'licenses', module: licenses },
  { folder: 'licenses/[id]', module: licensesId },
  { folder: 'licenses/[id]/reveal', module: licensesIdReveal },
  { folder: 'licenses/[id]/seats', module: licensesIdSeats },
  { folder: 'licenses/counts', module: licensesCounts },
  { folder: 'location-audits/[id]/report', module: locationAuditsIdReport },
  { folder: 'tickets', module: tickets },
  { folder: 'tickets/[id]', module: ticketsId },
  { folder: 'tickets/[id]/attachments', module: ticketsIdAttachments },
  { folder: 'tickets/[id]/attachments/[attachmentId]', module: ticketsIdAttachmentsAttachmentId },
  { folder: 'tickets/[id]/comments', module: ticketsIdComments },
  { folder: 'tickets/export', module: ticketsExport },
  { folder: 'tokens', module: tokens },
  { folder: 'tokens/[id]', module: tokensId },
  { folder: 'users/search', module: usersSearch },
];
