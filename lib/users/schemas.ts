import { z } from 'zod';
import { userRoles } from '../db/schema';
import { paginationSchema } from '../list-params';
import { isMailAddress, singleLineText } from '../validation';

// bcrypt reads at most 72 bytes; a longer password would be silently truncated, so it is refused.
export const passwordMinLength = 8;
export const passwordMaxBytes = 72;

const byteLength = (text: string) => new TextEncoder().encode(text).length;

export const passwordSchema = z
  .string({ error: 'Enter a password.' })
  .min(passwordMinLength, `Use at least ${passwordMinLength} characters.`)
  .refine((text) => byteLength(text) <= passwordMaxBytes, {
    message: `Use at most ${passwordMaxBytes} bytes (about ${passwordMaxBytes} plain letters; accented letters and emoji count for more).`,
  });

export const usernameSchema = singleLineText({ error: 'Enter a username.' })
  .min(2, 'Use at least 2 characters.')
  .max(64, 'Use at most 64 characters.')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]*$/, 'Use letters, digits and . _ @ - only, starting with a letter or digit.');

export const displayNameSchema = singleLineText().max(120, 'Use at most 120 characters.');

export const emailSchema = singleLineText()
  .max(254, 'Use at most 254 characters.')
  .refine((text) => text === '' || isMailAddress(text), {
    message: 'Enter a valid email address or leave it empty.',
  });

export const roleSchema = z.enum(userRoles, { error: 'Choose admin, agent or requester.' });

export const newUserSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema.optional().default(''),
  email: emailSchema.optional().default(''),
  role: roleSchema,
  password: passwordSchema,
});
export type NewUserInput = z.input<typeof newUserSchema>;

export const userDetailsSchema = z.object({
  displayName: displayNameSchema.min(1, 'Enter a name.'),
  email: emailSchema,
});
export type UserDetailsInput = z.input<typeof userDetailsSchema>;

/** The admin user list's address: a search over username, name and email, and the page. */
export const userListSchema = paginationSchema.extend({
  q: singleLineText().max(200).optional(),
});
export type UserListParams = z.output<typeof userListSchema>;

/** A picker's search: a few active users whose username or name contains `q` (the first few when empty). */
export const userSearchSchema = z.object({
  q: singleLineText().max(100, 'q is at most 100 characters').optional(),
  limit: z.coerce.number().int().min(1).max(20, 'limit is at most 20').default(10),
});
export type UserSearchParams = z.output<typeof userSearchSchema>;
