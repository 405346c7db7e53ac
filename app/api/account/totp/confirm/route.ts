import { z } from 'zod';
import { confirmTotpEnrolment } from '@/lib/auth/second-factor';
import { otherMethods, route } from '@/lib/boundary/route';
import { singleLineText } from '@/lib/validation';

const confirmBody = z.object({
  code: singleLineText({ error: 'code is required and must be a string.' }).min(1, 'code is required.').max(64),
});

// Turns the app on with its first code; answers the ten recovery codes, which are never shown again.
export const POST = route({ body: confirmBody, duringSecondFactorSetup: true }, async ({ actor, body, transaction }) =>
  transaction((tx) => confirmTotpEnrolment(tx, actor, body)),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
