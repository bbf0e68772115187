import { auditEvents, notifications, reportInstances, reportScheduleReporters, users } from '@atmis/db';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../testing/database-fingerprint.ts';
import { createTestApp, loginAs, type Agent, type TestApp } from '../../testing/test-app.ts';
import { startDailyReports } from './report-scheduler.ts';
import { agencyIds, createSchedule, defaultTemplateId, figures, reportOf, save, submit } from './report-test-kit.ts';

/** Reminders of reports due soon or late: on request by the reviewer, and by the daily run at 07:00. */
let t: TestApp;
let office: Agent;
let health: Agent;
let ids: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2026-10-05T02:00:00Z');
  office = await loginAs(t.app, 'tinh.thuongtruc');
  health = await loginAs(t.app, 'so.yte');
  ids = await agencyIds(t);
});
afterAll(() => t.close());

async function remindersOf(username: string, reportId: string) {
  const [user] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return t.database.db
    .select({ title: notifications.title, body: notifications.body, dedupeKey: notifications.dedupeKey })
    .from(notifications)
    .where(
      and(eq(notifications.recipientUserId, user!.id), eq(notifications.entityId, reportId), eq(notifications.kind, 'report_reminder')),
    );
}

describe('reminders', () => {
  it('tells agencies due soon, then late, once a day; submitted reports are left alone', async () => {
    t.clock.now = new Date('2026-10-05T02:00:00Z');
    const schedule = await createSchedule(office, {
      templateId: await defaultTemplateId(t),
      recipientAgencyId: ids['T31.CA']!,
      reporterAgencyIds: [ids['T31.SYT']!, ids['T31.SNV']!],
    });
    const healthReport = await reportOf(health, schedule.id, ids['T31.SYT']!);
    const homeReport = await reportOf(office, schedule.id, ids['T31.SNV']!);

    t.clock.now = new Date('2026-09-15T02:00:00Z'); // two days before the deadline (17/09)
    const first = await office.post(`/api/v1/report-schedules/${schedule.id}/reminders`, { periodId: '2026Q3' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ notified: 2, units: ['Sở Nội vụ thành phố Hải Phòng', 'Sở Y tế thành phố Hải Phòng'] });
    const [soon] = await remindersOf('so.yte', healthReport.id);
    expect(soon).toMatchObject({ title: `Sắp đến hạn báo cáo: ${schedule.name}` });
    expect(soon!.body).toContain('đến hạn ngày 17/09/2026');
    // The same day again: nobody is told twice.
    expect((await office.post(`/api/v1/report-schedules/${schedule.id}/reminders`, {})).json()).toEqual({ notified: 0, units: [] });
    expect(
      await t.database.db
        .select({ id: auditEvents.id })
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'report.reminders_sent'), eq(auditEvents.entityId, schedule.id))),
    ).toHaveLength(2);

    // Sở Y tế submits; three days after the deadline only Sở Nội vụ is reminded, as late.
    t.clock.now = new Date('2026-09-16T02:00:00Z');
    await submit(health, await save(health, healthReport, figures(1)));
    t.clock.now = new Date('2026-09-20T02:00:00Z');
    const late = await office.post(`/api/v1/report-schedules/${schedule.id}/reminders`, { periodId: '2026Q3' });
    expect(late.json()).toEqual({ notified: 1, units: ['Sở Nội vụ thành phố Hải Phòng'] });
    const [user] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, 'so.noivu'));
    const homeNotices = await t.database.db
      .select({ title: notifications.title, body: notifications.body })
      .from(notifications)
      .where(and(eq(notifications.recipientUserId, user!.id), eq(notifications.entityId, homeReport.id)));
    expect(homeNotices.map((n) => n.title)).toContain(`Quá hạn báo cáo: ${schedule.name}`);

    // Only reviewers remind; a period outside the schedule is refused.
    const before = await databaseFingerprint(t.database.db);
    expect((await health.post(`/api/v1/report-schedules/${schedule.id}/reminders`, {})).statusCode).toBe(403);
    const outside = await office.post(`/api/v1/report-schedules/${schedule.id}/reminders`, { periodId: '2027Q1' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0].message).toBe('Lịch báo cáo kết thúc ở Quý III năm 2026.');
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
  });

  it('the daily run at 07:00 Vietnam time creates missing reports and reminds late agencies once on the day', async () => {
    t.clock.now = new Date('2026-10-05T02:00:00Z');
    const schedule = await createSchedule(office, {
      templateId: await defaultTemplateId(t),
      recipientAgencyId: ids['T31.CA']!,
      reporterAgencyIds: [ids['T31.SYT']!],
    });
    // An agency added behind the API's back has no report yet: the daily run creates it.
    await t.database.db
      .insert(reportScheduleReporters)
      .values({ scheduleId: schedule.id, agencyId: ids['T31.SNV']!, orgUnitId: 'VN.31', position: 1 });
    const reportsOf = () =>
      t.database.db
        .select({ id: reportInstances.id, agencyId: reportInstances.agencyId })
        .from(reportInstances)
        .where(eq(reportInstances.scheduleId, schedule.id));
    expect(await reportsOf()).toHaveLength(1);

    const clock = { now: new Date('2026-09-20T23:30:00Z') }; // 06:30 on 21/09 in Vietnam
    const logs: string[] = [];
    const job = startDailyReports(
      { db: t.database.db, clock: () => clock.now, prefill: t.app.prefill, log: (m) => logs.push(m) },
      10_000_000,
    );
    try {
      await job.tick();
      expect(await reportsOf()).toHaveLength(1);

      clock.now = new Date('2026-09-21T00:05:00Z'); // 07:05
      await job.tick();
      const reports = await reportsOf();
      expect(reports).toHaveLength(2);
      const home = reports.find((r) => r.agencyId === ids['T31.SNV'])!;
      const health = reports.find((r) => r.agencyId === ids['T31.SYT'])!;
      expect(logs.at(-1)).toMatch(/Báo cáo định kỳ ngày 2026-09-21/);
      const [healthUser] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, 'so.yte'));
      const sent = await t.database.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.recipientUserId, healthUser!.id), like(notifications.dedupeKey, `report-reminder:${health.id}:%`)));
      expect(sent.map((n) => n.dedupeKey)).toEqual([`report-reminder:${health.id}:2026-09-21:${healthUser!.id}`]);
      expect(sent[0]!.title).toBe(`Quá hạn báo cáo: ${schedule.name}`);
      expect(await remindersOf('so.noivu', home.id)).toHaveLength(1);

      clock.now = new Date('2026-09-21T05:00:00Z'); // later the same day
      await job.tick();
      expect(await remindersOf('so.noivu', home.id)).toHaveLength(1);
    } finally {
      job.stop();
    }
  });
});
