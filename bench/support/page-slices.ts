import os from 'node:os';
import { percentile, recordLatencies } from './latency-load';
import { postgresCpuMs } from './process-cpu';

// Page views measured in 1 s slices, so a window can end when something else finishes (an intake,
// a burst of mails) and quiet windows before and after it are measured the same way. In every
// slice all pages are loaded at once, `connections` each; each response's latency is kept.

export type PageTarget = { name: string; url: string };

export type PageWindow = {
  slices: number;
  seconds: number;
  serverCpuMs: number;
  postgresCpuMs: number;
  errors: number;
  non2xx: number;
  latencies: Map<string, number[]>;
  loadAverage: number[];
};

export function newPageWindow(): PageWindow {
  return {
    slices: 0,
    seconds: 0,
    serverCpuMs: 0,
    postgresCpuMs: 0,
    errors: 0,
    non2xx: 0,
    latencies: new Map(),
    loadAverage: [],
  };
}

type SliceOptions = {
  cookie: string;
  connections: number;
  /** Requests per second per page; unset, as many as the server answers. */
  rate?: number;
  serverCpuMs: () => number;
};

/** One slice of `seconds` (1 by default) over every page at once, added to `into`. */
export async function pageSlice(
  pages: PageTarget[],
  options: SliceOptions,
  into: PageWindow,
  seconds = 1,
): Promise<void> {
  const [serverBefore, postgresBefore, started] = [options.serverCpuMs(), postgresCpuMs(), performance.now()];
  const runs = await Promise.all(
    pages.map((page) =>
      recordLatencies({
        url: page.url,
        cookie: options.cookie,
        seconds,
        connections: options.connections,
        overallRate: options.rate,
      }),
    ),
  );
  into.seconds += (performance.now() - started) / 1000;
  into.serverCpuMs += options.serverCpuMs() - serverBefore;
  into.postgresCpuMs += postgresCpuMs() - postgresBefore;
  into.slices += 1;
  if (into.loadAverage.length === 0) into.loadAverage = os.loadavg();
  pages.forEach((page, index) => {
    const { latencies, summary } = runs[index];
    const kept = into.latencies.get(page.name) ?? [];
    into.latencies.set(page.name, kept.concat(latencies));
    into.errors += summary.errors + summary.timeouts;
    into.non2xx += summary.non2xx;
  });
}

/** Slices until `done()` says stop (checked after each slice) or `count` slices were run. */
export async function pageSlices(
  pages: PageTarget[],
  options: SliceOptions & { count?: number; done?: () => boolean },
  into = newPageWindow(),
): Promise<PageWindow> {
  while (options.count === undefined ? !options.done?.() : into.slices < options.count)
    await pageSlice(pages, options, into);
  return into;
}

const ms = (value: number) => Number(value.toFixed(1));

function latencySummary(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (share: number) => ms(percentile(sorted, share));
  return { requests: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** p50/p95/p99 over all pages and per page, rps, and server and PostgreSQL CPU per request (ms). */
export function summarizePageWindow(window: PageWindow) {
  const all = [...window.latencies.values()].flat();
  const perRequest = (cpuMs: number) => Number((cpuMs / Math.max(1, all.length)).toFixed(2));
  return {
    slices: window.slices,
    seconds: Number(window.seconds.toFixed(1)),
    requestsPerSecond: Math.round(all.length / Math.max(window.seconds, 0.001)),
    ...latencySummary(all),
    cpuMsPerRequest: { server: perRequest(window.serverCpuMs), postgres: perRequest(window.postgresCpuMs) },
    errors: window.errors,
    non2xx: window.non2xx,
    loadAverageAtStart: window.loadAverage.map((value) => Number(value.toFixed(2))),
    pages: Object.fromEntries([...window.latencies].map(([name, latencies]) => [name, latencySummary(latencies)])),
  };
}

/** Two windows pooled, e.g. the quiet ones before and after a burst. */
export function mergePageWindows(a: PageWindow, b: PageWindow): PageWindow {
  const latencies = new Map(a.latencies);
  for (const [name, values] of b.latencies) latencies.set(name, (latencies.get(name) ?? []).concat(values));
  return {
    slices: a.slices + b.slices,
    seconds: a.seconds + b.seconds,
    serverCpuMs: a.serverCpuMs + b.serverCpuMs,
    postgresCpuMs: a.postgresCpuMs + b.postgresCpuMs,
    errors: a.errors + b.errors,
    non2xx: a.non2xx + b.non2xx,
    latencies,
    loadAverage: a.loadAverage,
  };
}

/** Fetches each page once and refuses to go on unless it answers 200 with the expected content. */
export async function assertPages(
  pages: (PageTarget & { check: (body: string) => boolean })[],
  cookie: string,
): Promise<void> {
  for (const page of pages) {
    const reply = await fetch(page.url, { headers: { cookie }, redirect: 'manual' });
    const body = await reply.text();
    if (reply.status !== 200 || !page.check(body))
      throw new Error(`${page.name} (${page.url}) answered ${reply.status} without the expected content`);
  }
}
