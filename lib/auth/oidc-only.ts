import type { AppConfig } from '../config';

/**
 * With OIDC_ONLY=true, passwords sign in only the break-glass accounts of OIDC_BREAK_GLASS_USERS
 * (for when the provider is down); `usernameKey` is the lower-cased username.
 */
export function passwordSignInAllowed(config: AppConfig, usernameKey: string): boolean {
  return !config.oidc?.only || config.oidc.breakGlassUsers.includes(usernameKey);
}
