import { agencies, roles, userAssignments } from '@atmis/db';
import { foldVietnamese, searchWords } from '@atmis/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../testing/database-fingerprint.ts';
import { createTestApp, loginAs, uniqueName, type Agent, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let province: Agent;
let roleIds: Record<string, string>;
let healthAgencyId: string;
let otherProvinceAgencyId: string;

beforeAll(async () => {
  t = await createTestApp();
  province = await loginAs(t.app, 'tinh.thuongtruc');
  const rows = await t.database.db.select({ id: roles.id, code: roles.code }).from(roles);
  roleIds = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  healthAgencyId = (await t.database.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, 'T31.SYT')))[0]!.id;
  otherProvinceAgencyId = (await t.database.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, 'T01.SYT')))[0]!.id;
});
afterAll(() => t.close());

async function newProvinceUser() {
  const response = await province.post('/api/v1/users', {
    username: uniqueName('p.'),
    fullName: 'Cán Bộ Sở',
    orgUnitId: 'VN.31',
    agencyId: healthAgencyId,
    password: 'Cán-Bộ-2026!',
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string; username: string }>();
}

describe('user administration within scope', () => {
  it('lists only the users inside the provincial administrator’s unit, and finds them without accents', async () => {
    // Every page, so the assertion holds however many users other tests have added.
    const everyone: { username: string; orgUnitId: string }[] = [];
    let cursor: string | null = null;
    do {
      const response = await province.get(`/api/v1/users?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      const page = response.json<{ items: { username: string; orgUnitId: string }[]; nextCursor: string | null }>();
      everyone.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(everyone.map((u) => u.username)).toEqual(expect.arrayContaining(['tinh.thuongtruc', 'so.yte', 'xa.a', 'xa.b', 'toaan']));
    expect(everyone.map((u) => u.username)).not.toContain('admin');
    expect(everyone.every((u) => u.orgUnitId === 'VN.31' || u.orgUnitId.startsWith('VN.31.'))).toBe(true);
    // Words in any order, with or without accents: every result holds every word, and so.yte is found.
    for (const query of ['tran thi y te', 'Tế  trần']) {
      const found = (await province.get(`/api/v1/users?limit=100&q=${encodeURIComponent(query)}`)).json<{
        items: { username: string; fullName: string }[];
      }>().items;
      expect(found.map((u) => u.username)).toContain('so.yte');
      for (const user of found) {
        for (const word of searchWords(query)) expect(foldVietnamese(`${user.fullName} ${user.username}`)).toContain(foldVietnamese(word));
      }
    }
    // LIKE wildcards typed by a user are literal characters, not patterns ("y%te" is not "y tế").
    const percent = await province.get(`/api/v1/users?q=${encodeURIComponent('y%te')}`);
    expect(percent.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('pages with a cursor without repeating or skipping anyone', async () => {
    const admin = await loginAs(t.app, 'admin');
    const seen: string[] = [];
    let cursor: string | null = null;
    let total = 0;
    do {
      const response = await admin.get(`/api/v1/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      const page = response.json<{ items: { username: string }[]; nextCursor: string | null; total: number }>();
      seen.push(...page.items.map((u) => u.username));
      cursor = page.nextCursor;
      total = page.total;
    } while (cursor);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen]).toEqual([...seen].sort());
  });

  it.each(['fullName', '-fullName', '-createdAt', '-username'])('sorts by %s across cursor pages', async (sort) => {
    const admin = await loginAs(t.app, 'admin');
    const seen: { fullName: string; username: string; createdAt: string }[] = [];
    let cursor: string | null = null;
    do {
      const response = await admin.get(`/api/v1/users?limit=2&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.statusCode).toBe(200);
      const page = response.json<{ items: { fullName: string; username: string; createdAt: string }[]; nextCursor: string | null }>();
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const key = sort.replace('-', '') as 'fullName' | 'username' | 'createdAt';
    // Names sort by their folded form (the same on every engine); the other keys as they are.
    const values = seen.map((u) => (key === 'fullName' ? foldVietnamese(u.fullName) : u[key]));
    const ordered = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (sort.startsWith('-')) ordered.reverse();
    expect(values).toEqual(ordered);
    expect(new Set(seen.map((u) => u.username)).size).toBe(seen.length);
  });

  it('refuses an unknown sort key, and a cursor made for another sort', async () => {
    const admin = await loginAs(t.app, 'admin');
    expect((await admin.get('/api/v1/users?sort=passwordHash')).statusCode).toBe(400);
    const first = (await admin.get('/api/v1/users?limit=1&sort=fullName')).json<{ nextCursor: string }>();
    const mixed = await admin.get(`/api/v1/users?limit=1&sort=username&cursor=${first.nextCursor}`);
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json()).toMatchObject({ code: 'validation.failed' });
  });

  it('does not create a user outside its unit', async () => {
    const response = await province.post('/api/v1/users', {
      username: uniqueName('x.'),
      fullName: 'Ngoài Phạm Vi',
      orgUnitId: 'VN.01',
      password: 'Ngoài-Phạm-Vi-2026!',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'access.escalation' });
  });

  it('does not create a user attached to an agency of another unit', async () => {
    const before = await databaseFingerprint(t.database.db);
    const response = await province.post('/api/v1/users', {
      username: uniqueName('x.'),
      fullName: 'Cơ Quan Ngoài Phạm Vi',
      orgUnitId: 'VN.31',
      agencyId: otherProvinceAgencyId,
      password: 'Ngoài-Phạm-Vi-2026!',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'access.escalation' });
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
  });

  it('cannot take over a user of its unit who holds a national administrator assignment (404, nothing written)', async () => {
    // Attack from the probe: the target lives in Hải Phòng but is a national system administrator.
    const target = await newProvinceUser();
    await t.database.db
      .insert(userAssignments)
      .values({ userId: target.id, roleId: roleIds.system_admin!, orgUnitId: 'VN', agencyId: null, scope: 'national' });
    const before = await databaseFingerprint(t.database.db);
    const attempts = [
      await province.post(`/api/v1/users/${target.id}/password`, { newPassword: 'Chiếm-Quyền-2026!' }),
      await province.patch(`/api/v1/users/${target.id}`, { status: 'disabled' }),
      await province.patch(`/api/v1/users/${target.id}`, { fullName: 'Đã Bị Chiếm' }),
      await province.post(`/api/v1/users/${target.id}/assignments`, {
        roleId: roleIds.department_officer,
        orgUnitId: 'VN.31',
        agencyId: healthAgencyId,
        scope: 'agency',
      }),
    ];
    for (const response of attempts) {
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'resource.not_found' });
    }
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
    // An ordinary officer of the unit is still managed as before.
    const ordinary = await newProvinceUser();
    const reset = await province.post(`/api/v1/users/${ordinary.id}/password`, { newPassword: 'Đặt-Lại-Mới-2026!' });
    expect(reset.statusCode).toBeLessThan(300);
  });

  it('grants a role it holds at a reach it holds', async () => {
    const user = await newProvinceUser();
    const response = await province.post(`/api/v1/users/${user.id}/assignments`, {
      roleId: roleIds.department_officer,
      orgUnitId: 'VN.31',
      agencyId: healthAgencyId,
      scope: 'agency',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json<{ assignments: { roleCode: string; scope: string }[] }>().assignments).toEqual([
      expect.objectContaining({ roleCode: 'department_officer', scope: 'agency' }),
    ]);
  });

  it.each([
    [
      'a role with permissions it does not hold',
      () => ({ roleId: roleIds.system_admin, orgUnitId: 'VN.31', scope: 'subtree' }),
      /không có quyền/,
    ],
    ['national scope', () => ({ roleId: roleIds.department_officer, orgUnitId: 'VN.31', scope: 'national' }), /rộng hơn/],
    ['another province', () => ({ roleId: roleIds.department_officer, orgUnitId: 'VN.01', scope: 'subtree' }), /ngoài phạm vi/],
    [
      'an agency of another province',
      () => ({ roleId: roleIds.department_officer, orgUnitId: 'VN.31', agencyId: otherProvinceAgencyId, scope: 'agency' }),
      /không thuộc đơn vị/,
    ],
  ])('refuses to grant %s, and writes nothing', async (_label, body, message) => {
    const user = await newProvinceUser();
    const before = await databaseFingerprint(t.database.db);
    const response = await province.post(`/api/v1/users/${user.id}/assignments`, body());
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'access.escalation' });
    expect(response.json<{ title: string }>().title).toMatch(message);
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
  });

  it('cannot see, let alone revoke, an assignment outside its scope (404)', async () => {
    const [national] = await t.database.db
      .select({ id: userAssignments.id, userId: userAssignments.userId })
      .from(userAssignments)
      .where(eq(userAssignments.scope, 'national'));
    const before = await databaseFingerprint(t.database.db);
    expect((await province.delete(`/api/v1/users/${national!.userId}/assignments/${national!.id}`)).statusCode).toBe(404);
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
  });

  it('disabling an account ends its sessions', async () => {
    const user = await newProvinceUser();
    await province.post(`/api/v1/users/${user.id}/password`, { newPassword: 'Tạm-Thời-2026!' });
    const target = await loginAs(t.app, user.username, 'Tạm-Thời-2026!');
    expect((await province.patch(`/api/v1/users/${user.id}`, { status: 'disabled' })).statusCode).toBe(200);
    expect((await target.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await target.login(user.username, 'Tạm-Thời-2026!')).statusCode).toBe(403);
  });

  it('refuses a duplicate username with a clear conflict', async () => {
    const response = await province.post('/api/v1/users', {
      username: 'so.yte',
      fullName: 'Trùng',
      orgUnitId: 'VN.31',
      password: 'Trùng-Tên-2026!',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json<{ title: string }>().title).toMatch(/tên đăng nhập đã được sử dụng/);
  });
});
