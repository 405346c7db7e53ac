import autocannon from 'autocannon';
import { percentile } from './latency-load';

export type LoadResult = {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
};

/**
 * A bounded load on one URL from this machine (loopback only); rotates cookies when given several.
 * p50 and p99 are exact over every response (autocannon's own are whole milliseconds, too coarse
 * for ratios of latencies of a few ms).
 */
export async function load(options: {
  url: string;
  seconds: number;
  connections: number;
  cookies?: string[];
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  amount?: number;
}): Promise<LoadResult> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(options.url)) throw new Error('benchmarks only target 127.0.0.1');
  let next = 0;
  const cookies = options.cookies ?? [];
  const latencies: number[] = [];
  const settings: autocannon.Options = {
    url: options.url,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds }),
    method: options.method ?? 'GET',
    body: options.body,
    headers: { ...options.headers, ...(cookies.length === 1 ? { cookie: cookies[0] } : {}) },
    requests:
      cookies.length > 1
        ? [
            {
              setupRequest: (request) => ({
                ...request,
                headers: { ...request.headers, cookie: cookies[next++ % cookies.length] },
              }),
            },
          ]
        : undefined,
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(settings, (error, summary) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(summary),
    );
    run.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  const exact = (share: number) => Number(percentile(latencies, share).toFixed(2));
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: exact(0.5),
    p99: exact(0.99),
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
