import { z } from 'zod';
import { apiTokenScopes } from '../db/schema-tokens';
import { singleLineText } from '../validation';

// What creating a token takes, from the account page's form and from POST /api/tokens alike.

export const maxTokenDays = 365;

export const newApiTokenSchema = z.object({
  name: singleLineText({ error: 'Name the token.' })
    .min(1, 'Name the token, e.g. "Inventory script".')
    .max(80, 'Use at most 80 characters.'),
  scope: z.enum(apiTokenScopes, { error: 'Choose read or write.' }),
  // A form sends text, JSON a number: both are read as a whole number of days.
  expiresInDays: z.coerce
    .number({ error: 'Give the days until it expires.' })
    .int('Use a whole number of days.')
    .min(1, 'Use at least 1 day.')
    .max(maxTokenDays, `Use at most ${maxTokenDays} days.`),
});

export type NewApiTokenInput = z.input<typeof newApiTokenSchema>;
