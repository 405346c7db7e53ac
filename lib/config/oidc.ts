import { z } from 'zod';

// Single sign-on with OpenID Connect: the OIDC_* settings, parsed with the rest of the environment
// (schema.ts spreads `oidcEnv`, index.ts calls `oidcSettings`). Off unless OIDC_ISSUER is set.

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = z.preprocess(blankToUndefined, z.string().trim().optional());

/** A comma-separated list, trimmed, blanks dropped. */
export const listOf = (text: string | undefined): string[] =>
  (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

export const oidcEnv = {
  OIDC_ISSUER: z.preprocess(
    blankToUndefined,
    z
      .url({
        protocol: /^https?$/,
        error: "OIDC_ISSUER must be the provider's issuer address, such as https://login.example.com/realms/it",
      })
      .optional(),
  ),
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  OIDC_DISPLAY_NAME: optionalText,
  OIDC_SCOPES: optionalText,
  OIDC_ROLE_CLAIM: optionalText,
  OIDC_ADMIN_VALUES: optionalText,
  OIDC_AGENT_VALUES: optionalText,
  OIDC_ONLY: z.preprocess(
    blankToUndefined,
    z.enum(['true', 'false'], { error: 'OIDC_ONLY must be true or false' }).default('false'),
  ),
  OIDC_BREAK_GLASS_USERS: optionalText,
};

type OidcEnv = z.output<z.ZodObject<typeof oidcEnv>>;

export type OidcConfig = {
  issuer: string;
  clientId: string;
  /** Never log this. */
  clientSecret: string;
  displayName: string;
  scopes: string;
  /** The claim that carries the provider's groups (e.g. `groups`); unset: roles are never changed by sign-in. */
  roleClaim?: string;
  adminValues: string[];
  agentValues: string[];
  /** Password sign-in is refused for everyone but `breakGlassUsers` (lower-case usernames). */
  only: boolean;
  breakGlassUsers: string[];
};

/** The OIDC settings, or null when OIDC_ISSUER is unset; a string is the one-sentence error. */
export function oidcSettings(values: OidcEnv): OidcConfig | null | string {
  if (!values.OIDC_ISSUER) {
    if (values.OIDC_ONLY === 'true') return 'OIDC_ONLY=true needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET';
    return null;
  }
  if (!values.OIDC_CLIENT_ID || !values.OIDC_CLIENT_SECRET) {
    return 'OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required with OIDC_ISSUER (from the app registered at the provider)';
  }
  const adminValues = listOf(values.OIDC_ADMIN_VALUES);
  const agentValues = listOf(values.OIDC_AGENT_VALUES);
  if (!values.OIDC_ROLE_CLAIM && (adminValues.length > 0 || agentValues.length > 0)) {
    return 'OIDC_ADMIN_VALUES and OIDC_AGENT_VALUES need OIDC_ROLE_CLAIM, the claim that carries the groups (such as groups)';
  }
  return {
    issuer: values.OIDC_ISSUER,
    clientId: values.OIDC_CLIENT_ID,
    clientSecret: values.OIDC_CLIENT_SECRET,
    displayName: values.OIDC_DISPLAY_NAME ?? 'single sign-on',
    scopes: values.OIDC_SCOPES ?? 'openid email profile',
    roleClaim: values.OIDC_ROLE_CLAIM,
    adminValues,
    agentValues,
    only: values.OIDC_ONLY === 'true',
    breakGlassUsers: listOf(values.OIDC_BREAK_GLASS_USERS).map((name) => name.toLowerCase()),
  };
}
