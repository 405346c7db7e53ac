import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../db/client';
import { queryRows } from '../db/rows';
import { offsetOf, paginationSchema, type Page } from '../list-params';
import { jobSchema } from './queue';

// What admins see of the job queue, read from pg-boss's own table (pgboss.job keeps every job
// until maintenance archives it: completed ones after 12 hours, failed ones after 14 days).
// Never a job's data: it may hold addresses and ticket text; the queue, times and error say enough.

export const jobGroups = {
  queued: ['created', 'retry'],
  running: ['active'],
  failed: ['failed'],
} as const;
export type JobGroup = keyof typeof jobGroups;

/** The admin page's query: one group's list, paged, or (without `list`) the start of each. */
export const jobListSchema = paginationSchema.extend({
  list: z.enum(['queued', 'running', 'failed']).optional(),
});

export type JobView = {
  id: string;
  queue: string;
  state: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** Attempts made so far (0 while it has never started). */
  attempts: number;
  maxAttempts: number;
  /** The last failure's message (the worker stores a described error, never a stack or query parameters). */
  error: string | null;
};

export type QueueCounts = { queue: string; counts: Record<string, number> };

const jobTable = sql.raw(`${jobSchema}.job`);
const queueTable = sql.raw(`${jobSchema}.queue`);

/** How many jobs each queue has in each state (every queue listed, also an empty one). */
export async function jobCountsByQueue(executor: Executor): Promise<QueueCounts[]> {
  const rows = await queryRows<{ queue: string; state: string | null; size: number | string }>(
    executor,
    sql`select q.name as queue, j.state::text as state, count(j.id) as size
        from ${queueTable} q left join ${jobTable} j on j.name = q.name
        group by q.name, j.state order by q.name`,
  );
  const byQueue = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const counts = byQueue.get(row.queue) ?? {};
    if (row.state) counts[row.state] = Number(row.size);
    byQueue.set(row.queue, counts);
  }
  return [...byQueue].map(([queue, counts]) => ({ queue, counts }));
}

type JobRow = {
  id: string;
  queue: string;
  state: string;
  created_on: string | Date;
  started_on: string | Date | null;
  completed_on: string | Date | null;
  retry_count: number;
  retry_limit: number;
  error: string | null;
};

const asDate = (value: string | Date) => (value instanceof Date ? value : new Date(value));

function toView(row: JobRow): JobView {
  return {
    id: row.id,
    queue: row.queue,
    state: row.state,
    createdAt: asDate(row.created_on),
    startedAt: row.started_on ? asDate(row.started_on) : null,
    finishedAt: row.completed_on ? asDate(row.completed_on) : null,
    attempts: row.started_on ? Number(row.retry_count) + 1 : 0,
    maxAttempts: Number(row.retry_limit) + 1,
    error: row.error,
  };
}

// The worker stores { message }; pg-boss's own expiry stores { value: { message } }.
const errorMessage = sql`coalesce(output->>'message', output->'value'->>'message', output->>'value')`;

/** One page of the jobs of a group (queued, running or failed), oldest first for queued, newest first else. */
export async function listJobs(
  executor: Executor,
  group: JobGroup,
  request: { page: number; pageSize: number },
): Promise<Page<JobView>> {
  const states = sql.join(
    jobGroups[group].map((state) => sql`${state}`),
    sql`, `,
  );
  const order = group === 'queued' ? sql`created_on asc, id` : sql`coalesce(completed_on, started_on) desc, id`;
  const [rows, [total]] = await Promise.all([
    queryRows<JobRow>(
      executor,
      sql`select id, name as queue, state::text as state, created_on, started_on, completed_on,
                 retry_count, retry_limit, left(${errorMessage}, 300) as error
          from ${jobTable} where state::text in (${states})
          order by ${order} limit ${request.pageSize} offset ${offsetOf(request)}`,
    ),
    queryRows<{ total: number | string }>(
      executor,
      sql`select count(*) as total from ${jobTable} where state::text in (${states})`,
    ),
  ]);
  return { items: rows.map(toView), page: request.page, pageSize: request.pageSize, total: Number(total?.total ?? 0) };
}
