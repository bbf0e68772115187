import { orgUnits, plans, users } from '@atmis/db';
import type { Problem } from '@atmis/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenIdFor, daysAgo, womanWithChild } from '../../modules/victims/victim-test-kit.ts';
import { databaseFingerprint } from '../../testing/database-fingerprint.ts';
import { createTestApp, loginAs, uniqueName, type Agent, type TestApp } from '../../testing/test-app.ts';

/**
 * Bidirectional control characters (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C) reorder what an
 * official reads: "Nguyễn Văn A\u202e" + reversed text shows a different name from the one stored. Every
 * kind of label field refuses them with a message naming the field, and nothing is written.
 */
let t: TestApp;
let province: Agent;
let commune: Agent;
let communeId: string;

beforeAll(async () => {
  t = await createTestApp();
  province = await loginAs(t.app, 'tinh.thuongtruc');
  commune = await loginAs(t.app, 'xa.a');
  const [row] = await t.database.db
    .select({ id: orgUnits.id })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(eq(users.username, 'xa.a'));
  communeId = row!.id;
});
afterAll(() => t.close());

async function expectRefused(
  send: () => Promise<{ statusCode: number; body: string; json: <T>() => T }>,
  path: string,
  label: string,
  codePoint: string,
) {
  const before = await databaseFingerprint(t.database.db);
  const response = await send();
  expect(response.statusCode, response.body).toBe(400);
  const problem = response.json<Problem>();
  expect(problem.code).toBe('validation.failed');
  expect(problem.errors).toContainEqual({
    path,
    message: `${label} chứa ký tự điều khiển hướng chữ (${codePoint}) làm nội dung hiển thị khác với nội dung thực; vui lòng xóa ký tự này.`,
  });
  expect(await databaseFingerprint(t.database.db)).toEqual(before);
}

describe('bidirectional control characters in labels', () => {
  it("refuses a user's full name with a right-to-left override, and accepts a name with combining marks", async () => {
    const username = uniqueName('bidi.');
    const body = { username, orgUnitId: 'VN.31', password: 'Cán-Bộ-2026!' };
    // Shown as "Trần Văn Giám đốc" style spoof: the override flips the tail.
    await expectRefused(
      () => province.post('/api/v1/users', { ...body, fullName: 'Trần Văn \u202ecóđ máiG' }),
      'fullName',
      'Họ và tên',
      'U+202E',
    );

    const created = await province.post('/api/v1/users', { ...body, fullName: 'Trần Thị Thuỷ'.normalize('NFD') });
    expect(created.statusCode, created.body).toBe(201);
    const [stored] = await t.database.db.select({ fullName: users.fullName }).from(users).where(eq(users.username, username));
    expect(stored!.fullName).toBe('Trần Thị Thuỷ'.normalize('NFC'));
  });

  it("refuses a victim person's name with an isolate, naming the field", async () => {
    const body = womanWithChild({ receivedOn: daysAgo(t.clock.now, 1), homeOrgUnitId: communeId, child: false });
    await expectRefused(
      () =>
        commune.post('/api/v1/victim-files', {
          ...body,
          person: { ...body.person, fullName: 'Nguyễn Thị \u2067Hoa', citizenId: citizenIdFor(1998, 'female') },
        }),
      'person.fullName',
      'Họ và tên',
      'U+2067',
    );
  });

  it('refuses a plan title with a left-to-right mark, naming the field', async () => {
    await expectRefused(
      () => province.post('/api/v1/plans', { title: `Kế hoạch\u200e ${uniqueName('bidi ')}` }),
      'title',
      'Tiêu đề',
      'U+200E',
    );
  });

  it('removes invisible characters (zero-width space, BOM, word joiner) from a plan title and a user name before storing', async () => {
    const marker = uniqueName('vô hình ');
    const created = await province.post('/api/v1/plans', { title: `\ufeffKế\u200b hoạch\u2060 ${marker}\u200d` });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json<{ id: string }>();
    const [plan] = await t.database.db.select({ title: plans.title }).from(plans).where(eq(plans.id, id));
    expect(plan!.title).toBe(`Kế hoạch ${marker}`);

    const username = uniqueName('zw.');
    const user = await province.post('/api/v1/users', {
      username,
      orgUnitId: 'VN.31',
      password: 'Cán-Bộ-2026!',
      fullName: 'Lê\u200b Văn\u200c Nam'.normalize('NFD'),
    });
    expect(user.statusCode, user.body).toBe(201);
    const [stored] = await t.database.db.select({ fullName: users.fullName }).from(users).where(eq(users.username, username));
    expect(stored!.fullName).toBe('Lê Văn Nam'.normalize('NFC'));
  });

  it('accepts a victim name written with combining marks (NFD)', async () => {
    const body = womanWithChild({ receivedOn: daysAgo(t.clock.now, 1), homeOrgUnitId: communeId, child: false });
    const created = await commune.post('/api/v1/victim-files', {
      ...body,
      person: { ...body.person, fullName: 'Đặng Thị Thuỳ Ánh'.normalize('NFD'), citizenId: citizenIdFor(1997, 'female') },
    });
    expect(created.statusCode, created.body).toBe(201);
  });
});
