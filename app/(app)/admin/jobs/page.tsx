import type { Metadata } from 'next';
import { ActionButton } from '@/app/components/action-button';
import { byId, DataTable, type Column } from '@/app/components/data-table';
import { Link } from '@/app/components/link';
import { PageHeader } from '@/app/components/page-header';
import { Pagination } from '@/app/components/pagination';
import { Panel } from '@/app/components/panel';
import { Time } from '@/app/components/time';
import { adminRoles } from '@/lib/actor';
import { pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { formatCount } from '@/lib/format-count';
import { jobCountsByQueue, jobListSchema, listJobs, type JobGroup, type JobView } from '@/lib/jobs/admin-queries';
import { readListQuery, type SearchParams } from '../../_components/list-query';
import { retryAllFailedAction, retryJobAction } from './actions';

export const metadata: Metadata = { title: 'Jobs' };

const groups: { group: JobGroup; title: string; empty: string }[] = [
  { group: 'failed', title: 'Failed', empty: 'No failed jobs.' },
  { group: 'queued', title: 'Queued', empty: 'Nothing is waiting.' },
  { group: 'running', title: 'Running', empty: 'Nothing is running.' },
];
const countedStates = ['created', 'retry', 'active', 'completed', 'failed', 'cancelled'] as const;
const previewSize = 10;

// Recent work reads best as "3 min ago"; the exact time is the tooltip.
const when = (value: Date | null) => (value ? <Time value={value} relative /> : '—');

function columnsFor(group: JobGroup): Column<JobView>[] {
  const columns: Column<JobView>[] = [
    { key: 'queue', header: 'Queue', cell: (job) => <code>{job.queue}</code> },
    { key: 'created', priority: 'secondary', header: 'Created', cell: (job) => when(job.createdAt) },
    { key: 'started', priority: 'secondary', header: 'Last started', cell: (job) => when(job.startedAt) },
    { key: 'attempts', header: 'Attempts', cell: (job) => `${job.attempts} of ${job.maxAttempts}` },
  ];
  if (group === 'queued') columns.push({ key: 'state', header: 'State', cell: (job) => job.state });
  if (group !== 'running') {
    columns.push({
      key: 'error',
      header: group === 'failed' ? 'Error' : 'Last error',
      cell: (job) => job.error ?? '—',
    });
  }
  if (group === 'failed') {
    columns.push({ key: 'finished', header: 'Failed', cell: (job) => when(job.finishedAt) });
    columns.push({
      key: 'retry',
      header: <span className="skip-link">Actions</span>,
      cell: (job) => (
        <ActionButton action={retryJobAction} fields={{ queue: job.queue, jobId: job.id }} label="Retry" />
      ),
    });
  }
  return columns;
}

export default async function JobsPage({ searchParams }: { searchParams: SearchParams }) {
  await pageActor(adminRoles);
  const { raw, params } = await readListQuery(searchParams, jobListSchema);
  const db = await getDb();
  const shown = params.list ? groups.filter((entry) => entry.group === params.list) : groups;
  const request = params.list ? params : { page: 1, pageSize: previewSize };
  const [counts, ...lists] = await Promise.all([
    jobCountsByQueue(db),
    ...shown.map((entry) => listJobs(db, entry.group, request)),
  ]);

  return (
    <>
      <PageHeader title="Jobs">
        <p className="muted">
          Mail and other background work run as jobs. A failed job is retried with growing pauses, then kept here with
          its error for two weeks; retrying it gives it one more attempt.
        </p>
      </PageHeader>
      <Panel id="counts" title="Jobs per queue">
        <DataTable
          columns={[
            { key: 'queue', header: 'Queue', cell: (row) => <code>{row.queue}</code> },
            ...countedStates.map((state) => ({
              key: state,
              header: state,
              cell: (row: (typeof counts)[number]) => formatCount(row.counts[state] ?? 0),
            })),
            {
              key: 'retry-all',
              header: <span className="skip-link">Actions</span>,
              cell: (row) =>
                row.counts.failed ? (
                  <ActionButton action={retryAllFailedAction} fields={{ queue: row.queue }} label="Retry all failed" />
                ) : null,
            },
          ]}
          rows={counts}
          rowKey={(row) => row.queue}
          empty="No queues yet."
        />
      </Panel>
      {params.list ? <Link href="/admin/jobs">← All lists</Link> : null}
      {shown.map((entry, index) => {
        const page = lists[index];
        return (
          <Panel key={entry.group} id={`jobs-${entry.group}`} title={`${entry.title} (${formatCount(page.total)})`}>
            <DataTable
              columns={columnsFor(entry.group)}
              rows={page.items}
              rowKey={byId}
              empty={page.total > 0 ? null : entry.empty}
            />
            {params.list ? (
              <Pagination list={page} params={raw} path="/admin/jobs" />
            ) : page.total > page.items.length ? (
              <Link href={`/admin/jobs?list=${entry.group}`}>All {formatCount(page.total)} →</Link>
            ) : null}
          </Panel>
        );
      })}
    </>
  );
}
