import { execFileSync } from 'node:child_process';
import { labelFormats } from '../../lib/labels/formats';
import type { Scenario } from '../support/context';

const labels = 1_000;

/**
 * A PDF of 1,000 asset labels on each stock: time to build it and the process's peak memory, each
 * in a fresh process (bench/support/labels-pdf-child.ts). The database read behind it (tag and
 * name of 1,000 assets) is left out: it is one indexed query of a few kilobytes.
 */
const scenario: Scenario = () => {
  const runs = labelFormats.map(
    (format) =>
      JSON.parse(
        execFileSync(
          process.execPath,
          ['--import', 'tsx', 'bench/support/labels-pdf-child.ts', format, String(labels)],
          {
            encoding: 'utf8',
          },
        ),
      ) as object,
  );
  return Promise.resolve({ labels, runs });
};

export default scenario;
