import { percentile, recordLatencies } from './latency-load';
import { postgresCpuMs } from './process-cpu';

export type SliceTarget = {
  url: string;
  cookie?: string;
  headers?: Record<string, string>;
  /** CPU time of the process serving it, in ms. */ cpuMs: () => number;
};

export type SliceSummary = {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  serverCpuMicrosecondsPerRequest: number;
  /** Every PostgreSQL process's CPU during this target's slices, per request (0 without a database). */
  postgresCpuMicrosecondsPerRequest: number;
  requests: number;
  errors: number;
  non2xx: number;
};

/**
 * The order of the targets in each round: a balanced Latin square (Williams design), so that each
 * target comes in each place, and right after each other target, equally often over the rows. A
 * slice pays for what the one before it left (another process's garbage collection, a cold
 * cache): in a fixed order, the target that always followed the Express reference measured less
 * than the same requests elsewhere. Two targets give A B, B A; an odd count needs the rows reversed.
 */
export function balancedOrders(count: number): number[][] {
  const first = Array.from({ length: count }, (_, place) =>
    place % 2 === 1 ? (place + 1) / 2 : (count - place / 2) % count,
  );
  const rows = first.map((_, shift) => first.map((target) => (target + shift) % count));
  return count % 2 === 0 || count === 1 ? rows : [...rows, ...rows.map((row) => [...row].reverse())];
}

/**
 * Loads the targets in turn in 1 s slices, in rounds ordered by `balancedOrders`, after a 2 s
 * warm-up of each, and sums each target's slices. This machine's speed drifts by ±30 % from one
 * 10 s window to the next; alternating puts every target under the same drift, so ratios between
 * them hold. `slices` (rounds) is best a multiple of the orders' rows. Percentiles are exact over
 * every response; CPU per request is read from /proc around each slice.
 */
export async function alternateSlices<Name extends string>(
  targets: Record<Name, SliceTarget>,
  options: { slices: number; connections: number },
): Promise<Record<Name, SliceSummary>> {
  const names = Object.keys(targets) as Name[];
  const totals = new Map(
    names.map((name) => [
      name,
      { seconds: 0, cpuMs: 0, postgresMs: 0, latencies: [] as number[], errors: 0, non2xx: 0 },
    ]),
  );
  for (const name of names)
    await recordLatencies({
      url: targets[name].url,
      cookie: targets[name].cookie,
      headers: targets[name].headers,
      seconds: 2,
      connections: options.connections,
    });
  const orders = balancedOrders(names.length);
  for (let slice = 0; slice < options.slices; slice++) {
    for (const name of orders[slice % orders.length].map((index) => names[index])) {
      const { url, cookie, headers, cpuMs } = targets[name];
      const [cpuBefore, postgresBefore, started] = [cpuMs(), postgresCpuMs(), performance.now()];
      const { latencies, summary } = await recordLatencies({
        url,
        cookie,
        headers,
        seconds: 1,
        connections: options.connections,
      });
      const into = totals.get(name)!;
      into.seconds += (performance.now() - started) / 1000;
      into.cpuMs += cpuMs() - cpuBefore;
      into.postgresMs += postgresCpuMs() - postgresBefore;
      into.latencies.push(...latencies);
      into.errors += summary.errors + summary.timeouts;
      into.non2xx += summary.non2xx;
    }
  }
  const summaries = {} as Record<Name, SliceSummary>;
  for (const [name, total] of totals) {
    const sorted = total.latencies.sort((a, b) => a - b);
    summaries[name] = {
      requestsPerSecond: Math.round(sorted.length / total.seconds),
      p50: Number(percentile(sorted, 0.5).toFixed(2)),
      p95: Number(percentile(sorted, 0.95).toFixed(2)),
      p99: Number(percentile(sorted, 0.99).toFixed(2)),
      serverCpuMicrosecondsPerRequest: Math.round((1000 * total.cpuMs) / sorted.length),
      postgresCpuMicrosecondsPerRequest: Math.round((1000 * total.postgresMs) / sorted.length),
      requests: sorted.length,
      errors: total.errors,
      non2xx: total.non2xx,
    };
  }
  return summaries;
}
