import autocannon from 'autocannon';

export type LoadResult = { requestsPerSecond: number; p50: number; p99: number; requests: number; errors: number; non2xx: number };

/** A bounded load on one URL from this machine (loopback only); rotates cookies when given several. */
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
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds }),
    method: options.method ?? 'GET',
    body: options.body,
    headers: { ...options.headers, ...(cookies.length === 1 ? { cookie: cookies[0] } : {}) },
    requests:
      cookies.length > 1
        ? [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, cookie: cookies[next++ % cookies.length] } }) }]
        : undefined,
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
