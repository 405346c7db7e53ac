import { AsyncLocalStorage } from 'node:async_hooks';

// A bulk change runs the ordinary domain functions item by item; each writes its own audit row as
// always. While one runs, recordAudit adds the change's id to those rows (details.batchId), so the
// audit log can show the batch without every domain function taking a batch parameter.
const storeKey = Symbol.for('it-assets-manager.audit-batch');

function store(): AsyncLocalStorage<string> {
  const holder = globalThis as { [storeKey]?: AsyncLocalStorage<string> };
  return (holder[storeKey] ??= new AsyncLocalStorage<string>());
}

export function withAuditBatch<T>(batchId: string, work: () => Promise<T>): Promise<T> {
  return store().run(batchId, work);
}

export function currentAuditBatch(): string | undefined {
  return store().getStore();
}
