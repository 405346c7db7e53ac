import autocannon from 'autocannon';

export type LatencyResult = {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  requests: number;
  errors: number;
  non2xx: number;
};

/** The value below which `share` of the sorted latencies fall (nearest rank). */
export function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

const round = (ms: number) => Number(ms.toFixed(1));

/** Count, p50, p95 and the slowest of latencies gathered one request at a time, in whole ms. */
export function latencySummary(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    p50: Math.round(percentile(sorted, 0.5)),
    p95: Math.round(percentile(sorted, 0.95)),
    max: Math.round(sorted.at(-1) ?? 0),
  };
}

type LoadOptions = {
  url: string;
  seconds: number;
  connections: number;
  cookie?: string;
  /** Other request headers, e.g. Authorization for an API token. */
  headers?: Record<string, string>;
  /** Requests per second over all connections; unset, each connection sends as fast as answered. */
  overallRate?: number;
};

/** A bounded load on one loopback URL; resolves with every response's latency (ms, sorted). */
export async function recordLatencies(
  options: LoadOptions,
): Promise<{ latencies: number[]; summary: autocannon.Result }> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(options.url)) throw new Error('benchmarks only target 127.0.0.1');
  const latencies: number[] = [];
  const summary = await new Promise<autocannon.Result>((resolve, reject) => {
    const headers = { ...options.headers, ...(options.cookie ? { cookie: options.cookie } : {}) };
    const run = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        headers,
        overallRate: options.overallRate,
      },
      (error, result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result)),
    );
    run.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  return { latencies, summary };
}

/**
 * A bounded load on one loopback URL that keeps every response's latency, because autocannon's
 * summary has p90 and p97.5 but no p95: the percentiles here are exact over all responses.
 */
export async function loadWithLatencies(options: LoadOptions): Promise<LatencyResult> {
  const { latencies, summary } = await recordLatencies(options);
  return {
    requestsPerSecond: Math.round(summary.requests.average),
    p50: round(percentile(latencies, 0.5)),
    p95: round(percentile(latencies, 0.95)),
    p99: round(percentile(latencies, 0.99)),
    max: round(latencies.at(-1) ?? 0),
    requests: latencies.length,
    errors: summary.errors + summary.timeouts,
    non2xx: summary.non2xx,
  };
}
