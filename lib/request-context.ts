import { AsyncLocalStorage } from 'node:async_hooks';

// The request being served, for log lines written anywhere while serving it. One store per
// process on globalThis: the custom server and every Next.js bundle must share the same one.
type RequestContext = { requestId: string };
const storeKey = Symbol.for('it-assets-manager.request-context');

function store(): AsyncLocalStorage<RequestContext> {
  const holder = globalThis as { [storeKey]?: AsyncLocalStorage<RequestContext> };
  return (holder[storeKey] ??= new AsyncLocalStorage<RequestContext>());
}

export function runWithRequestContext<T>(context: RequestContext, work: () => T): T {
  return store().run(context, work);
}

export function currentRequestId(): string | undefined {
  return store().getStore()?.requestId;
}
