import { load } from '../support/load';
import { makeSessionCookies } from '../support/sessions';
import { benchUser, type Scenario } from '../support/context';

// Read again after this much idle time: shows whether the heap V8 grew under load (mostly garbage
// not yet collected) is given back by itself once the load stops, or kept.
const settleMs = 30_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Scenario 5: resident memory around rounds of 200,000 authenticated requests over 20,000 sessions,
 * read right after each round and again after `settleMs` of idle time.
 */
const memory: Scenario = async (context) => {
  const { server } = await context.server();
  const [databaseUrl, username, rounds] = [context.databaseUrl, benchUser.username, 3];
  const cookies = await makeSessionCookies(databaseUrl, username, 20_000);
  const residentMB: number[] = [Math.round(server.residentMB())];
  const settledMB: number[] = [...residentMB];
  const failures: number[] = [];
  const requestsPerSecond: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const result = await load({
      url: `${server.base}/api/auth/me`,
      seconds: 0,
      amount: 200_000,
      connections: 32,
      cookies,
    });
    failures.push(result.errors + result.non2xx);
    requestsPerSecond.push(result.requestsPerSecond);
    residentMB.push(Math.round(server.residentMB()));
    await pause(settleMs);
    settledMB.push(Math.round(server.residentMB()));
  }
  return {
    residentMB,
    settledMB,
    failures,
    requestsPerSecond,
    growthFirstRoundMB: residentMB[1] - residentMB[0],
    growthLastRoundMB: residentMB[rounds] - residentMB[rounds - 1],
    settledGrowthFirstRoundMB: settledMB[1] - settledMB[0],
    settledGrowthLastRoundMB: settledMB[rounds] - settledMB[rounds - 1],
  };
};

export default memory;
