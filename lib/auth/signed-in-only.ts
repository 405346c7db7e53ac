import type { Actor, CommandLineActor } from '../actor';
import { AppError } from '../errors';

// What an API token may never do: change how its owner (or, for an admin's token, anyone) signs
// in. A leaked token could otherwise add a passkey or an authenticator app of its own, or mint
// tokens, and so keep a way in after the token is revoked or the password is reset.

/** Refuses `what` ("manage passkeys") to a request that came with an API token. */
export function refuseApiToken(actor: Actor | CommandLineActor, what: string): void {
  if ('apiToken' in actor && actor.apiToken)
    throw new AppError('forbidden', `API tokens cannot ${what}: sign in to the account page for that.`);
}
