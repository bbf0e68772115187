import { notifications, users } from '@atmis/db';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, uniqueName, type TestApp } from '../../testing/test-app.ts';
import { isDailyJobDue as isDigestDue, vietnamClock } from '../../platform/jobs/daily-job.ts';
import { startDailyDigest } from './digest-scheduler.ts';

describe('when the daily digest is due', () => {
  it('is due once per Vietnam calendar day, from 07:00 Vietnam time', () => {
    expect(vietnamClock(new Date('2027-03-01T23:59:00Z'))).toEqual({ date: '2027-03-02', hour: 6 });
    expect(isDigestDue(new Date('2027-03-01T23:59:00Z'), null)).toBe(false);
    expect(isDigestDue(new Date('2027-03-02T00:00:00Z'), null)).toBe(true);
    expect(isDigestDue(new Date('2027-03-02T09:00:00Z'), '2027-03-02')).toBe(false);
    expect(isDigestDue(new Date('2027-03-03T01:00:00Z'), '2027-03-02')).toBe(true);
  });
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('daily digest schedule', () => {
  it('tells the lead agency of its overdue task once on the day, and not before 07:00', async () => {
    // An agency and officer of its own, so that its digest holds only this test's task.
    const office = await loginAs(t.app, 'tinh.thuongtruc');
    const agency = await office.post('/api/v1/agencies', {
      code: uniqueName('T31.BT'),
      name: uniqueName('Trung tâm bản tin '),
      type: 'other',
      orgUnitId: 'VN.31',
    });
    const agencyId = agency.json<{ id: string }>().id;
    const username = uniqueName('bt.');
    const officer = await office.post('/api/v1/users', {
      username,
      fullName: 'Cán Bộ Bản Tin',
      orgUnitId: 'VN.31',
      agencyId,
      password: 'Bản-Tin-2026!',
    });
    expect(officer.statusCode, officer.body).toBe(201);
    const content = uniqueName('Kiểm tra cơ sở hỗ trợ nạn nhân ');
    const plan = await office.post('/api/v1/plans', {
      title: uniqueName('Kế hoạch bản tin '),
      tasks: [{ content, leadAgencyId: agencyId, deadline: '2027-02-15' }],
    });
    expect(plan.statusCode, plan.body).toBe(201);
    expect((await office.post(`/api/v1/plans/${plan.json<{ id: string }>().id}/issue`)).statusCode).toBe(200);

    // A far-future day that no other test uses (the PostgreSQL test database is shared).
    const clock = { now: new Date('2031-05-05T23:30:00Z') }; // 06:30 on 06/05/2031 in Vietnam
    const logs: string[] = [];
    const scheduler = startDailyDigest({ db: t.database.db, clock: () => clock.now, log: (m) => logs.push(m) }, 10_000_000);
    try {
      const [me] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
      const digestsOf = async (date: string) =>
        t.database.db
          .select()
          .from(notifications)
          .where(
            and(
              eq(notifications.recipientUserId, me!.id),
              eq(notifications.kind, 'task_digest'),
              like(notifications.dedupeKey, `digest:${date}:%`),
            ),
          );
      await scheduler.tick();
      expect(await digestsOf('2031-05-06')).toHaveLength(0);

      clock.now = new Date('2031-05-06T00:05:00Z'); // 07:05
      await scheduler.tick();
      const sent = await digestsOf('2031-05-06');
      expect(sent).toHaveLength(1);
      expect(sent[0]!.body).toContain(content);
      expect(logs.at(-1)).toMatch(/Bản tin nhiệm vụ ngày 2031-05-06/);

      clock.now = new Date('2031-05-06T05:00:00Z'); // later the same day
      await scheduler.tick();
      expect(await digestsOf('2031-05-06')).toHaveLength(1);
    } finally {
      scheduler.stop();
    }
  });
});
