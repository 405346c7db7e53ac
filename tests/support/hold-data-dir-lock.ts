// Child process for the data-directory lock test: takes the lock on argv[2], says so, then waits
// to be killed (SIGKILL leaves the lock file behind, as a crash would).
import { lockDataDirectory } from '../../lib/db/data-dir-lock';

lockDataDirectory(process.argv[2]);
process.stdout.write('locked\n');
setInterval(() => {}, 60_000);
