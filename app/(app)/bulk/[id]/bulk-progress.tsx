'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { formatCount } from '@/lib/format-count';
import { basePath } from '@/app/components/base-path';

// A large change runs as a job: this bar asks the small JSON route how far it is, every second,
// and reloads the page (its result) once the job is done.

const statusUrl = (id: string) => `${basePath}/api/bulk-changes/${id}`;
const pollMs = 1000;

type Progress = { state: string; done: number; total: number };

export function BulkProgress({ id, initial }: { id: string; initial: Progress }) {
  const router = useRouter();
  const [progress, setProgress] = useState(initial);

  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      try {
        const response = await fetch(statusUrl(id), { headers: { accept: 'application/json' } });
        if (!response.ok || stopped) return;
        const { bulkChange } = (await response.json()) as {
          bulkChange: { state: string; counts: { done: number; total: number } };
        };
        setProgress({ state: bulkChange.state, done: bulkChange.counts.done, total: bulkChange.counts.total });
        if (bulkChange.state === 'done') {
          stopped = true;
          clearInterval(timer);
          router.refresh();
        }
      } catch {
        // A missed poll (the network blinked) is retried by the next one.
      }
    };
    const timer = setInterval(() => void poll(), pollMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [id, router]);

  return (
    <div>
      <progress
        className="bulk-progress"
        aria-label="Bulk change progress"
        value={progress.done}
        max={Math.max(progress.total, 1)}
      />
      <p role="status">
        {progress.state === 'queued' ? 'Waiting to start… ' : 'Working… '}
        {formatCount(progress.done)} of {formatCount(progress.total)} done.
      </p>
    </div>
  );
}
