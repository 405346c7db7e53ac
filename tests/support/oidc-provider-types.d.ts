// The few parts of oidc-provider (a test-only dependency that ships no types) the test provider uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  type Context = {
    oidc: { client?: { clientId: string }; session?: { accountId?: string }; provider: Provider };
  };
  type Account = { accountId: string; claims: () => Promise<Record<string, unknown> & { sub: string }> };

  export type Configuration = {
    clients: Record<string, unknown>[];
    findAccount: (ctx: Context, id: string) => Promise<Account | undefined>;
    claims: Record<string, string[]>;
    cookies: { keys: string[] };
    features: Record<string, { enabled: boolean }>;
    interactions: { url: (ctx: Context, interaction: { uid: string }) => string | Promise<string> };
    loadExistingGrant: (ctx: Context) => Promise<unknown>;
    pkce?: { required: () => boolean };
  };

  class Grant {
    constructor(init: { clientId: string; accountId: string });
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }

  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    Grant: typeof Grant;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(
      req: IncomingMessage,
      res: ServerResponse,
    ): Promise<{ uid: string; prompt: { name: string }; params: Record<string, unknown> }>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    on(event: string, listener: (...args: unknown[]) => void): void;
  }
}
