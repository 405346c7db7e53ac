import { closeDatabase } from '../../lib/db/client';

// App code run inside the benchmark process (e.g. the ticket mutations, to queue real notification
// jobs) reads its configuration from process.env once and keeps it and the database handle on
// globalThis. This sets the environment for one piece of work and forgets both afterwards, so the
// next scenario in the same run starts clean.

const configKey = Symbol.for('it-assets-manager.config');

export async function withAppEnvironment<Result>(
  env: Record<string, string>,
  work: () => Promise<Result>,
): Promise<Result> {
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  const holder = globalThis as Record<symbol, unknown>;
  await closeDatabase();
  delete holder[configKey];
  Object.assign(process.env, env);
  try {
    return await work();
  } finally {
    await closeDatabase();
    delete holder[configKey];
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
