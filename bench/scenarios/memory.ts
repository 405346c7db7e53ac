import { load } from '../support/load';
import { makeSessionCookies } from '../support/sessions';
import { benchUser, type Scenario } from '../support/context';

/** Scenario 5: resident memory around rounds of 200,000 authenticated requests over 20,000 sessions. */
const memory: Scenario = async (context) => {
  const { server } = await context.server();
  const [databaseUrl, username, rounds] = [context.databaseUrl, benchUser.username, 3];
  const cookies = await makeSessionCookies(databaseUrl, username, 20_000);
  const residentMB: number[] = [Math.round(server.residentMB())];
  const failures: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const result = await load({ url: `${server.base}/api/auth/me`, seconds: 0, amount: 200_000, connections: 32, cookies });
    failures.push(result.errors + result.non2xx);
    residentMB.push(Math.round(server.residentMB()));
  }
  return {
    residentMB,
    failures,
    growthFirstRoundMB: residentMB[1] - residentMB[0],
    growthLastRoundMB: residentMB[rounds] - residentMB[rounds - 1],
  };
};

export default memory;
