// Child process for the killed-worker test: runs a job worker on the queue named in argv[2]
// (expiring after argv[3] seconds) whose handler says "started <job id>" and never finishes, until
// the test kills this process.
import { startJobWorkers } from '../../lib/jobs/worker';

const queue = { name: process.argv[2], retryLimit: 2, retryDelaySeconds: 1, expireInSeconds: Number(process.argv[3]) };
void startJobWorkers({
  queues: [queue],
  handlers: {
    [queue.name]: (_data, job) => {
      process.stdout.write(`started ${job.id}\n`);
      return new Promise<void>(() => {});
    },
  },
  pollingIntervalSeconds: 0.5,
});
