import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { recentSession, resolveSession } from '../../lib/auth/session';
import {
  forgetSessionChecks,
  recallSessionCheck,
  recallVerifiedSeal,
  rememberSessionCheck,
  rememberVerifiedSeal,
  sharedSessionUser,
} from '../../lib/auth/session-cache';
import { sessionCookieName } from '../../lib/auth/session-cookie';
import { sealClaim } from '../../lib/auth/session-seal';
import type { SessionUser, SignedIn } from '../../lib/auth/session-types';

// The process's memory of recent session checks, keyed by the whole Cookie header. The database
// this process is configured with cannot be reached: whatever resolveSession answers here, it
// answered from memory or the seal alone.

const secret = 'cache-test-secret-'.padEnd(40, 's');
const boundMs = 2000;
Object.assign(process.env, {
  NODE_ENV: 'test',
  SESSION_SECRET: secret,
  SESSION_CHECK_CACHE: '2s',
  DATABASE_URL: 'postgres://nobody:nothing@127.0.0.1:1/unreachable',
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function signedIn(overrides: { userId?: string; sessionId?: string; expiresAt?: Date } = {}): SignedIn {
  return {
    token: randomBytes(16).toString('base64url'),
    session: {
      id: overrides.sessionId ?? randomUUID(),
      persistent: false,
      createdAt: new Date(),
      expiresAt: overrides.expiresAt ?? new Date(Date.now() + 3_600_000),
    },
    user: { id: overrides.userId ?? randomUUID(), username: 'walt', displayName: 'Walt', email: null, role: 'agent' },
  };
}

/** A Cookie header carrying a real seal of `checked`'s session, as a browser would send it. */
async function headerFor(checked: SignedIn, extra = 'theme=dark'): Promise<string> {
  const exp = Math.floor(checked.session.expiresAt.getTime() / 1000);
  const seal = await sealClaim(
    { sid: checked.token, uid: checked.user.id, exp, persistent: checked.session.persistent },
    [secret],
  );
  return `${extra}; ${sessionCookieName}=${seal}`;
}

describe('the memory of recent checks', () => {
  test('a check is trusted for the bound counted from when the check began, not when it answered', async () => {
    forgetSessionChecks('all');
    const checked = signedIn();
    // A check that began 1.5 s ago (a slow database) has 0.5 s of trust left.
    rememberSessionCheck('slow-check', checked, boundMs, Date.now() - 1500);
    assert.equal(recallSessionCheck('slow-check'), checked);
    rememberSessionCheck('too-old', checked, boundMs, Date.now() - 2000);
    assert.equal(recallSessionCheck('too-old'), undefined);
    await sleep(600);
    assert.equal(recallSessionCheck('slow-check'), undefined);
  });

  test('an entry is forgotten once the bound has passed', async () => {
    forgetSessionChecks('all');
    const checked = signedIn();
    rememberSessionCheck('fresh', checked, boundMs, Date.now());
    assert.equal(recallSessionCheck('fresh'), checked);
    await sleep(boundMs - 500);
    assert.equal(recallSessionCheck('fresh'), checked);
    await sleep(600);
    assert.equal(recallSessionCheck('fresh'), undefined);
  });

  test('with a bound of zero nothing is remembered', () => {
    forgetSessionChecks('all');
    rememberSessionCheck('any', signedIn(), 0, Date.now());
    assert.equal(recallSessionCheck('any'), undefined);
    forgetSessionChecks('all');
  });

  test('keyed by the whole header: one character more, less or different is not the same header', () => {
    forgetSessionChecks('all');
    const checked = signedIn();
    const header = `theme=dark; ${sessionCookieName}=Fe26.2*abc`;
    rememberSessionCheck(header, checked, boundMs, Date.now());
    assert.equal(recallSessionCheck(header), checked);
    for (const other of [
      `${header} `,
      header.slice(0, -1),
      `${header.slice(0, -1)}d`,
      `theme=dart; ${sessionCookieName}=Fe26.2*abc`,
    ]) {
      assert.equal(recallSessionCheck(other), undefined, other);
    }
  });

  test('a header longer than 2 KB is checked every time rather than held', () => {
    forgetSessionChecks('all');
    const long = `junk=${'x'.repeat(2100)}; ${sessionCookieName}=Fe26.2*abc`;
    rememberSessionCheck(long, signedIn(), boundMs, Date.now());
    assert.equal(recallSessionCheck(long), undefined);
  });

  test('forgetting one session, one user, or everything', () => {
    forgetSessionChecks('all');
    const userId = randomUUID();
    const first = signedIn({ userId });
    const second = signedIn({ userId });
    const bystander = signedIn();
    const remember = () => {
      rememberSessionCheck('first', first, boundMs, Date.now());
      rememberSessionCheck('first, another tab', first, boundMs, Date.now());
      rememberSessionCheck('second', second, boundMs, Date.now());
      rememberSessionCheck('bystander', bystander, boundMs, Date.now());
    };
    const remembered = () =>
      ['first', 'first, another tab', 'second', 'bystander'].filter((header) => recallSessionCheck(header));

    remember();
    forgetSessionChecks({ sessionId: first.session.id });
    assert.deepEqual(remembered(), ['second', 'bystander']);

    remember();
    forgetSessionChecks({ userId });
    assert.deepEqual(remembered(), ['bystander']);

    remember();
    forgetSessionChecks('all');
    assert.deepEqual(remembered(), []);
  });

  test('a check read while a revocation commits is not remembered: for the bound, a forgotten session stays forgotten', async () => {
    forgetSessionChecks('all');
    const revoked = signedIn();
    const sameUser = signedIn({ userId: revoked.user.id });
    const bystander = signedIn();
    // The revoking transaction forgets at once; a check that read the rows before it committed
    // still answers its own request, but must not be kept.
    forgetSessionChecks({ sessionId: revoked.session.id });
    rememberSessionCheck('revoked', revoked, 300, Date.now());
    rememberSessionCheck('same user', sameUser, 300, Date.now());
    rememberSessionCheck('bystander', bystander, 300, Date.now());
    assert.equal(recallSessionCheck('revoked'), undefined);
    assert.ok(recallSessionCheck('same user'));
    assert.ok(recallSessionCheck('bystander'));

    forgetSessionChecks({ userId: revoked.user.id });
    rememberSessionCheck('same user', sameUser, 300, Date.now());
    assert.equal(recallSessionCheck('same user'), undefined);
    await sleep(350);
    rememberSessionCheck('revoked', revoked, 300, Date.now());
    assert.ok(recallSessionCheck('revoked'), 'remembered again once the bound has passed');
  });
});

describe('resolveSession and recentSession answer a remembered header from memory', () => {
  test('without unsealing or asking the database; once forgotten, the header is checked anew', async () => {
    forgetSessionChecks('all');
    const checked = signedIn();
    const header = await headerFor(checked);
    assert.equal(recentSession(header), undefined);
    rememberSessionCheck(header, checked, boundMs, Date.now());
    assert.equal(recentSession(header), checked);
    for (const options of [{}, { database: false }]) {
      const resolved = await resolveSession(header, 'https', options);
      assert.equal(resolved.signedIn, checked);
      assert.equal(resolved.cookie, null);
      assert.equal(resolved.claim?.sid, checked.token);
      assert.equal(resolved.claim?.uid, checked.user.id);
      assert.equal(resolved.claim?.exp, Math.floor(checked.session.expiresAt.getTime() / 1000));
      assert.equal(resolved.claim?.persistent, false);
    }
    // The same seal under a header that differs by one character is not in memory: it needs the database.
    const differing = header.replace('theme=dark', 'theme=dart');
    assert.equal(recentSession(differing), undefined);
    await assert.rejects(resolveSession(differing, 'https'), { code: 'ECONNREFUSED' });

    // Revoked or changed in this process: forgotten, so the next request asks the database again.
    forgetSessionChecks({ sessionId: checked.session.id });
    assert.equal(recentSession(header), undefined);
    await assert.rejects(resolveSession(header, 'https'), { code: 'ECONNREFUSED' });
    assert.equal((await resolveSession(header, 'https', { database: false })).signedIn, null);
  });

  test('a remembered header is refused once its session expires, even within the bound', async () => {
    forgetSessionChecks('all');
    const checked = signedIn({ expiresAt: new Date((Math.floor(Date.now() / 1000) + 1) * 1000) });
    const header = await headerFor(checked);
    rememberSessionCheck(header, checked, boundMs, Date.now());
    assert.equal(recentSession(header), checked);
    await sleep(checked.session.expiresAt.getTime() - Date.now() + 100);
    assert.equal(recentSession(header), undefined, 'the session has expired: not to be answered from memory');
    const resolved = await resolveSession(header, 'https');
    assert.equal(resolved.signedIn, null);
    assert.equal(resolved.claim, null);
  });
});

describe('one shared user object per user', () => {
  test("checks of one user's sessions share one frozen user object while the user's details are unchanged", () => {
    const first = sharedSessionUser({
      id: 'u-shared',
      username: 'ana',
      displayName: 'Ana',
      email: 'ana@example.test',
      role: 'agent',
    });
    const again = sharedSessionUser({
      id: 'u-shared',
      username: 'ana',
      displayName: 'Ana',
      email: 'ana@example.test',
      role: 'agent',
    });
    assert.equal(again, first);
    const other = sharedSessionUser({
      id: 'u-other',
      username: 'ana',
      displayName: 'Ana',
      email: 'ana@example.test',
      role: 'agent',
    });
    assert.notEqual(other, first);
    assert.ok(Object.isFrozen(first));
    assert.throws(() => Object.assign(first, { role: 'admin' }), TypeError);
    assert.equal(first.role, 'agent');
  });

  test('the object handed in is not the one frozen: the caller may still change its own', () => {
    const mine: SessionUser = { id: 'u-own', username: 'cy', displayName: 'Cy', email: null, role: 'agent' };
    const shared = sharedSessionUser(mine);
    assert.deepEqual(shared, mine);
    assert.equal(Object.isFrozen(mine), false);
  });

  test('a user whose details changed gets the new details at the next check, never the shared old ones', () => {
    const before = sharedSessionUser({
      id: 'u-changing',
      username: 'bo',
      displayName: 'Bo',
      email: null,
      role: 'agent',
    });
    for (const changed of [
      { id: 'u-changing', username: 'bo2', displayName: 'Bo', email: null, role: 'agent' },
      { id: 'u-changing', username: 'bo2', displayName: 'Bo Berg', email: null, role: 'agent' },
      { id: 'u-changing', username: 'bo2', displayName: 'Bo Berg', email: 'bo@example.test', role: 'agent' },
      { id: 'u-changing', username: 'bo2', displayName: 'Bo Berg', email: 'bo@example.test', role: 'requester' },
    ] as const) {
      const after = sharedSessionUser({ ...changed });
      assert.notEqual(after, before);
      assert.deepEqual(after, changed);
      assert.equal(sharedSessionUser({ ...changed }), after);
    }
  });
});

describe('seals verified once are not verified again', () => {
  const claimFor = (exp: number) => ({
    sid: randomBytes(16).toString('base64url'),
    uid: randomUUID(),
    exp,
    persistent: false,
  });

  test('resolveSession remembers a seal it verified, under that exact seal only, until its claim expires', async () => {
    const claim = claimFor(Math.floor(Date.now() / 1000) + 3600);
    const seal = await sealClaim(claim, [secret]);
    assert.equal(recallVerifiedSeal(seal), undefined);
    const resolved = await resolveSession(`${sessionCookieName}=${seal}`, 'https', { database: false });
    assert.equal(resolved.claim?.sid, claim.sid);
    assert.deepEqual(recallVerifiedSeal(seal), {
      claim: { ...claim, iat: resolved.claim.iat },
      sealedWithNewest: true,
    });
    // One character off is another seal: never answered from memory (and it does not unseal).
    const tampered = seal.slice(0, -1) + (seal.endsWith('A') ? 'B' : 'A');
    assert.equal(recallVerifiedSeal(tampered), undefined);
    assert.equal((await resolveSession(`${sessionCookieName}=${tampered}`, 'https', { database: false })).claim, null);
  });

  test('a seal whose claim has expired is not remembered, and one remembered is dropped when it expires', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = { claim: { ...claimFor(now - 1), iat: now - 10 }, sealedWithNewest: true };
    rememberVerifiedSeal('an-expired-seal', expired);
    assert.equal(recallVerifiedSeal('an-expired-seal'), undefined);
    const shortLived = { claim: { ...claimFor(now + 1), iat: now }, sealedWithNewest: true };
    rememberVerifiedSeal('a-short-lived-seal', shortLived);
    assert.deepEqual(recallVerifiedSeal('a-short-lived-seal'), shortLived);
    await sleep(2100);
    assert.equal(recallVerifiedSeal('a-short-lived-seal'), undefined);
  });
});
