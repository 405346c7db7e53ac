// Child process for the killed-import test: imports argv[3] rows tagged argv[4] as the admin whose
// id and username are argv[1] and argv[2], says "staged <rows>" after the third batch, and waits
// there until the test kills this process (SIGKILL: nothing cleans up).
import { importAssets } from '../../lib/assets/csv-import';
import { getDb } from '../../lib/db/client';
import { assetCsv } from './asset-csv';
import { actorFor } from './users';

const [id, username, rows, prefix] = process.argv.slice(2);
const actor = actorFor({ id, username, role: 'admin' });
let batches = 0;
void importAssets(await getDb(), actor, {
  csv: assetCsv(Number(rows), prefix),
  mode: 'all',
  dryRun: false,
  onProgress: (progress) => {
    if (++batches < 3) return;
    process.stdout.write(`staged ${progress.rows}\n`);
    return new Promise<void>(() => {});
  },
});
