import { startTotpEnrolment } from '@/lib/auth/second-factor';
import { otherMethods, route } from '@/lib/boundary/route';

// Starts enrolling an authenticator app: the secret and its otpauth:// address, for this once.
// Allowed while a required second factor is still missing, like the account page's set-up.
export const POST = route({ duringSecondFactorSetup: true }, async ({ actor, transaction }) =>
  transaction((tx) => startTotpEnrolment(tx, actor)),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
