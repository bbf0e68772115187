import { auditEvents, users } from '@atmis/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { LOGIN_THROTTLE } from '../../platform/auth/login-throttle.ts';
import { totpCodeAt } from '../../platform/auth/totp.ts';
import { DEMO_PASSWORD } from '../../seed/bootstrap.ts';
import { Agent, createTestApp, DEMO_USERNAMES, loginAs, uniqueName, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function createUser(admin: Agent, password = 'Mật-khẩu-2026!') {
  const username = uniqueName('u.');
  const created = await admin.post('/api/v1/users', { username, fullName: 'Người Thử Nghiệm', orgUnitId: 'VN.31', password });
  expect(created.statusCode).toBe(201);
  return { username, id: created.json<{ id: string }>().id, password };
}

describe('sign-in', () => {
  it.each(DEMO_USERNAMES)('demo account %s signs in and sees its assignments', async (username) => {
    const agent = await loginAs(t.app, username);
    const me = await agent.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    const body = me.json<{ user: { username: string }; assignments: unknown[] }>();
    expect(body.user.username).toBe(username);
    expect(body.assignments.length).toBeGreaterThan(0);
  });

  it('sets an HttpOnly, SameSite=Strict session cookie and a readable CSRF cookie', async () => {
    const response = await new Agent(t.app).login('admin');
    const session = response.cookies.find((c) => c.name === 'atmis_session');
    const csrf = response.cookies.find((c) => c.name === 'atmis_csrf');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Strict');
    expect(csrf?.httpOnly).toBeFalsy();
    expect(csrf?.value).toBe(response.json<{ csrfToken: string }>().csrfToken);
  });

  it('refuses a wrong password with a Vietnamese problem, or English when asked', async () => {
    const vi = await new Agent(t.app).post('/api/v1/auth/login', { username: 'so.yte', password: 'sai' });
    expect(vi.statusCode).toBe(401);
    expect(vi.headers['content-type']).toContain('application/problem+json');
    expect(vi.json()).toMatchObject({ code: 'auth.invalid_credentials', title: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
    const en = await new Agent(t.app).post(
      '/api/v1/auth/login',
      { username: 'so.yte', password: 'sai' },
      { 'accept-language': 'en-GB,en;q=0.9' },
    );
    expect(en.json()).toMatchObject({ title: 'Wrong username or password.' });
    // Reset the counter so later tests start clean.
    await t.database.db.update(users).set({ failedLoginCount: 0 }).where(eq(users.username, 'so.yte'));
  });

  it('answers 401 problem+json to API calls without a session', async () => {
    for (const url of ['/api/v1/auth/me', '/api/v1/users', '/api/v1/agencies', '/api/v1/audit-events']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(401);
      expect(response.json()).toMatchObject({ code: 'auth.unauthenticated', status: 401 });
    }
  });

  it('locks the account after 10 wrong passwords, says so clearly, audits it, and lets it in again later', async () => {
    const admin = await loginAs(t.app, 'admin');
    const user = await createUser(admin);
    const agent = new Agent(t.app);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt++)
      statuses.push((await agent.post('/api/v1/auth/login', { username: user.username, password: 'Sai-mật-khẩu-1' })).statusCode);
    expect(statuses.slice(0, 9).every((s) => s === 401)).toBe(true);
    expect(statuses[9]).toBe(429);
    const locked = await agent.post('/api/v1/auth/login', { username: user.username, password: user.password });
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'auth.account_locked' });
    expect(locked.json<{ title: string }>().title).toMatch(/tạm khóa/);
    const audited = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.account_locked'), eq(auditEvents.entityId, user.id)));
    expect(audited).toHaveLength(1);
    t.clock.now = new Date(t.clock.now.getTime() + 16 * 60_000);
    try {
      expect((await agent.login(user.username, user.password)).statusCode).toBe(200);
    } finally {
      t.clock.now = new Date();
    }
  });

  it('refuses a state-changing request without the CSRF header', async () => {
    const agent = await loginAs(t.app, 'admin');
    const token = agent.csrfToken;
    agent.csrfToken = '';
    const response = await agent.post('/api/v1/agencies', {
      code: uniqueName('X.'),
      name: 'Cơ quan thử',
      type: 'other',
      orgUnitId: 'VN.31',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'auth.csrf_invalid' });
    agent.csrfToken = 'wrong-token';
    expect((await agent.post('/api/v1/auth/logout')).statusCode).toBe(403);
    agent.csrfToken = token;
  });

  it('ends the session at logout', async () => {
    const agent = await loginAs(t.app, 'xa.a');
    expect((await agent.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await agent.get('/api/v1/auth/me')).statusCode).toBe(401);
  });
});

/** A sign-in from a given client address (each attack test uses its own, so the per-address budget is its own). */
function loginFrom(ip: string, username: string, password: string, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: ip,
    headers: { 'content-type': 'application/json', ...headers },
    payload: JSON.stringify({ username, password }),
  });
}

describe('brute force and account discovery', () => {
  it('20 simultaneous wrong passwords lock the account: each one is counted, the lock is audited once', async () => {
    const username = 'xa.b';
    const [before] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
    const startedAt = new Date(t.clock.now.getTime() - 1000);
    try {
      const responses = await Promise.all(Array.from({ length: 20 }, () => loginFrom('10.40.0.1', username, 'Sai-mật-khẩu-song-song')));
      expect(responses.every((r) => r.statusCode === 401 || r.statusCode === 429)).toBe(true);
      expect(responses.some((r) => r.json<{ code: string }>().code === 'auth.account_locked')).toBe(true);
      const [row] = await t.database.db
        .select({ failures: users.failedLoginCount, lockedUntil: users.lockedUntil })
        .from(users)
        .where(eq(users.username, username));
      expect(row!.failures).toBeGreaterThanOrEqual(t.config.lockout.maxFailures);
      expect(row!.lockedUntil!.getTime()).toBeGreaterThan(t.clock.now.getTime());
      // Even the right password is refused while the lock lasts.
      const right = await loginFrom('10.40.0.2', username, DEMO_PASSWORD);
      expect(right.statusCode).toBe(429);
      expect(right.json()).toMatchObject({ code: 'auth.account_locked' });
      const locks = await t.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'auth.account_locked'), eq(auditEvents.entityId, before!.id)));
      expect(locks.filter((e) => e.occurredAt >= startedAt)).toHaveLength(1);
    } finally {
      await t.database.db.update(users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(users.username, username));
    }
  });

  it('12 failures on a real and on an unknown username get the same answers, status and body', async () => {
    const admin = await loginAs(t.app, 'admin');
    const real = await createUser(admin);
    const unknown = uniqueName('khong.co.');
    const answers = async (ip: string, username: string) => {
      const seen: { status: number; body: unknown }[] = [];
      for (let attempt = 0; attempt < 12; attempt++) {
        const response = await loginFrom(ip, username, `Sai-mật-khẩu-${attempt}`);
        seen.push({ status: response.statusCode, body: response.json() });
      }
      return seen;
    };
    const forReal = await answers('10.41.0.1', real.username);
    const forUnknown = await answers('10.41.0.2', unknown);
    expect(forUnknown).toEqual(forReal);
    // The lock itself still works and says so (for both alike).
    expect(forReal[11]).toMatchObject({ status: 429, body: { code: 'auth.account_locked' } });
    expect((await loginFrom('10.41.0.3', real.username, real.password)).statusCode).toBe(429);
    // Even the English variant matches.
    const en = { 'accept-language': 'en' };
    expect((await loginFrom('10.41.0.4', unknown, 'x', en)).json()).toEqual((await loginFrom('10.41.0.5', real.username, 'x', en)).json());
  });

  it('one address that keeps failing is stopped, on every account; other addresses and earlier successes are unaffected', async () => {
    const ip = '10.42.0.1';
    // Successful sign-ins do not use up the budget.
    for (let i = 0; i < 3; i++) expect((await loginFrom(ip, 'so.yte', DEMO_PASSWORD)).statusCode).toBe(200);
    const failures = await Promise.all(
      Array.from({ length: LOGIN_THROTTLE.failuresPerAddress }, (_, i) => loginFrom(ip, uniqueName(`phun.${i}.`), 'Sai-mật-khẩu')),
    );
    expect(failures.every((r) => r.statusCode === 401)).toBe(true);
    // Now even a right password from that address is refused (password spraying gets nothing back).
    const blocked = await loginFrom(ip, 'so.yte', DEMO_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ code: 'auth.too_many_requests' });
    expect((await loginFrom('10.42.0.2', 'so.yte', DEMO_PASSWORD)).statusCode).toBe(200);
    // The budget comes back after the window.
    t.clock.now = new Date(t.clock.now.getTime() + (LOGIN_THROTTLE.windowMinutes + 1) * 60_000);
    try {
      expect((await loginFrom(ip, 'so.yte', DEMO_PASSWORD)).statusCode).toBe(200);
    } finally {
      t.clock.now = new Date();
    }
  });
});

describe('previous session in the same browser', () => {
  it('signing in as another user ends the session the browser still carried', async () => {
    const browser = await loginAs(t.app, 'xa.a');
    const previous = browser.authHeaders();
    expect((await browser.login('so.yte')).statusCode).toBe(200);
    const old = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: previous });
    expect(old.statusCode).toBe(401);
    const me = await browser.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json<{ user: { username: string } }>().user.username).toBe('so.yte');
  });

  it('signing in again as the same user ends the previous session too', async () => {
    const browser = await loginAs(t.app, 'xa.a');
    const previous = browser.authHeaders();
    expect((await browser.login('xa.a')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: previous })).statusCode).toBe(401);
    expect((await browser.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('a failed sign-in leaves the session the browser carried alone', async () => {
    const browser = await loginAs(t.app, 'xa.a');
    expect((await browser.login('xa.a', 'Sai-mật-khẩu')).statusCode).toBe(401);
    expect((await browser.get('/api/v1/auth/me')).statusCode).toBe(200);
  });
});

describe('passwords', () => {
  it('forces a new account to change its password, enforces the policy, and accepts a good one', async () => {
    const admin = await loginAs(t.app, 'admin');
    const user = await createUser(admin);
    const agent = await loginAs(t.app, user.username, user.password);
    expect(agent.me?.user.mustChangePassword).toBe(true);
    expect((await agent.get('/api/v1/users')).json()).toMatchObject({ code: 'auth.password_change_required' });
    const weak = await agent.post('/api/v1/auth/password', { currentPassword: user.password, newPassword: 'abc' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json<{ title: string }>().title).toMatch(/ít nhất 10 ký tự/);
    const wrongCurrent = await agent.post('/api/v1/auth/password', { currentPassword: 'không-phải', newPassword: 'Mới-An-Toàn-2026' });
    expect(wrongCurrent.json()).toMatchObject({ code: 'auth.password_wrong' });
    expect(
      (await agent.post('/api/v1/auth/password', { currentPassword: user.password, newPassword: 'Mới-An-Toàn-2026' })).statusCode,
    ).toBe(200);
    expect((await new Agent(t.app).login(user.username, user.password)).statusCode).toBe(401);
    expect((await new Agent(t.app).login(user.username, 'Mới-An-Toàn-2026')).statusCode).toBe(200);
  });
});

describe('second factor', () => {
  it('once enabled, sign-in needs the TOTP code', async () => {
    const admin = await loginAs(t.app, 'admin');
    const user = await createUser(admin);
    const agent = await loginAs(t.app, user.username, user.password);
    await agent.post('/api/v1/auth/password', { currentPassword: user.password, newPassword: 'Mới-An-Toàn-2026' });
    const setup = await agent.post('/api/v1/auth/second-factor/setup');
    const { secret } = setup.json<{ secret: string }>();
    // The table holds only a ciphertext of the secret.
    const [stored] = await t.database.db.select({ secret: users.totpSecret }).from(users).where(eq(users.id, user.id));
    expect(stored!.secret).toMatch(/^v1:/);
    expect(stored!.secret).not.toContain(secret);
    expect((await agent.post('/api/v1/auth/second-factor/enable', { code: '000000' })).statusCode).toBe(401);
    expect((await agent.post('/api/v1/auth/second-factor/enable', { code: totpCodeAt(secret, t.clock.now.getTime()) })).statusCode).toBe(
      200,
    );

    const next = new Agent(t.app);
    const login = await next.login(user.username, 'Mới-An-Toàn-2026');
    expect(login.json()).toMatchObject({ status: 'second_factor_required', me: null });
    expect((await next.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await next.post('/api/v1/auth/second-factor/verify', { code: '123456' })).statusCode).toBe(401);
    expect((await next.post('/api/v1/auth/second-factor/verify', { code: totpCodeAt(secret, t.clock.now.getTime()) })).statusCode).toBe(
      200,
    );
    expect((await next.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('a secret stored in plaintext by an earlier version is encrypted at start and still accepts the codes', async () => {
    const admin = await loginAs(t.app, 'admin');
    const user = await createUser(admin);
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    await t.database.db.update(users).set({ totpSecret: secret, totpEnabled: true }).where(eq(users.id, user.id));

    const restarted = await buildApp({ database: t.database, config: t.config, clock: () => t.clock.now });
    try {
      const [stored] = await t.database.db.select({ secret: users.totpSecret }).from(users).where(eq(users.id, user.id));
      expect(stored!.secret).toMatch(/^v1:/);
      expect(stored!.secret).not.toContain(secret);
      const agent = new Agent(restarted);
      expect((await agent.login(user.username, user.password)).json()).toMatchObject({ status: 'second_factor_required' });
      const code = totpCodeAt(secret, t.clock.now.getTime());
      expect((await agent.post('/api/v1/auth/second-factor/verify', { code })).statusCode).toBe(200);
    } finally {
      await restarted.close();
    }
  });

  it('when the policy enforces it, an administrator must set up the second factor before working', async () => {
    const strict = await createTestApp({ enforceSecondFactor: true });
    try {
      const admin = await loginAs(strict.app, 'admin');
      expect(admin.me?.secondFactorRequired).toBe(true);
      expect((await admin.get('/api/v1/users')).json()).toMatchObject({ code: 'auth.second_factor_setup_required' });
      // Roles that do not ask for it are not affected.
      const officer = await loginAs(strict.app, 'so.yte');
      expect((await officer.get('/api/v1/agencies')).statusCode).toBe(200);
    } finally {
      await strict.close();
    }
  });
});
