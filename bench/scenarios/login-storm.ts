import { load } from '../support/load';
import { benchUser, type Scenario } from '../support/context';

/** Scenario 4: 16 clients signing in as fast as they can while others read /api/auth/me. */
const loginStorm: Scenario = async (context) => {
  const { server, cookie } = await context.server();
  const [credentials, seconds] = [benchUser, 10];
  const calm = await load({ url: `${server.base}/api/auth/me`, seconds, connections: 8, cookies: [cookie] });
  const [storm, readers] = await Promise.all([
    load({
      url: `${server.base}/api/auth/login`,
      seconds,
      connections: 16,
      method: 'POST',
      body: JSON.stringify(credentials),
      headers: { 'content-type': 'application/json' },
    }),
    load({ url: `${server.base}/api/auth/me`, seconds, connections: 8, cookies: [cookie] }),
  ]);
  return {
    calm,
    readers,
    loginsPerSecond: Math.round(storm.requests / seconds),
    loginFailures: storm.errors + storm.non2xx,
    readersP99Ratio: Number((readers.p99 / Math.max(calm.p99, 1)).toFixed(2)),
  };
};

export default loginStorm;
