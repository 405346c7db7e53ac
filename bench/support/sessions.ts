import postgres from 'postgres';
import { sessionCookieName } from '../../lib/auth/session-cookie';
import { sealClaim } from '../../lib/auth/session-seal';
import { hashSessionToken, newSessionToken } from '../../lib/auth/session-store';
import { benchSecret } from './stack';

/** Live sessions for one user, made directly in the database, with the cookies a browser would hold. */
export async function makeSessionCookies(databaseUrl: string, username: string, count: number): Promise<string[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [user] = await sql<{ id: string }[]>`select id from users where username = ${username}`;
    const exp = Math.floor(Date.now() / 1000) + 86_400;
    const cookies: string[] = [];
    for (let start = 0; start < count; start += 1000) {
      const batch = Array.from({ length: Math.min(1000, count - start) }, () => newSessionToken());
      await sql`insert into sessions ${sql(batch.map((token) => ({ token_hash: hashSessionToken(token), user_id: user.id, persistent: true, expires_at: new Date(exp * 1000) })))}`;
      for (const token of batch) {
        cookies.push(
          `${sessionCookieName}=${await sealClaim({ sid: token, uid: user.id, exp, persistent: true }, [benchSecret])}`,
        );
      }
    }
    return cookies;
  } finally {
    await sql.end();
  }
}

/** Fills the sessions table to about `total` rows, most of them expired and of other users. */
export async function fillSessionsTable(databaseUrl: string, total: number): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const others = await sql<{ id: string }[]>`select id from users`;
    await sql`
      insert into sessions (token_hash, user_id, persistent, created_at, last_seen_at, expires_at)
      select md5(i::text || 'a') || md5(i::text || 'b'),
             (${others.map((user) => user.id)}::uuid[])[1 + i % ${others.length}],
             i % 2 = 0,
             now() - interval '10 days', now() - interval '9 days',
             case when i % 10 = 0 then now() + interval '5 days' else now() - interval '1 day' end
      from generate_series(1, ${total}) as i`;
    // A live table has long been vacuumed; left to autovacuum, its first pass over a million new
    // rows would run during the measurement that follows and take CPU from it.
    await sql`vacuum analyze sessions`;
  } finally {
    await sql.end();
  }
}

/** Users that only own sessions and never sign in: inserted directly, with an unusable hash. */
export async function insertFillerUsers(databaseUrl: string, count: number): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`insert into users (username, display_name, role, password_hash)
              select 'filler-' || i, 'Filler ' || i, 'requester', '!' from generate_series(1, ${count}) as i`;
  } finally {
    await sql.end();
  }
}
