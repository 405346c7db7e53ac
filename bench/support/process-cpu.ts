import fs from 'node:fs';

// CPU time from Linux /proc: what a request costs in processor time, which stays comparable
// between runs when latencies move with what else the shared machine is doing.

// USER_HZ, the unit of /proc/<pid>/stat's times: 100 on every Linux this runs on (getconf CLK_TCK).
const clockTicksPerSecond = 100;

/** User + system CPU a process has used so far, in ms; 0 once it is gone. */
export function processCpuMs(pid: number): number {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0;
  }
  // Fields 14 and 15 (utime, stime), counted after the parenthesised command name.
  const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicksPerSecond;
}

/**
 * CPU used so far by every PostgreSQL process on the machine (the benchmark's database server and
 * its backends; an idle system server adds next to nothing). Backends that exit take their time
 * with them, so measure across a run whose connection pool stays open.
 */
export function postgresCpuMs(): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let command: string;
    try {
      command = fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (command === 'postgres') total += processCpuMs(Number(entry));
  }
  return total;
}
