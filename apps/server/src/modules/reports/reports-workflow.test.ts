import { auditEvents, notifications, reportEvents, users } from '@atmis/db';
import { dueDateFor, parsePeriodId, type ReportDetail, type ReportView, type SubmissionMatrix } from '@atmis/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../testing/database-fingerprint.ts';
import { createTestApp, loginAs, type Agent, type TestApp } from '../../testing/test-app.ts';
import { agencyIds, createSchedule, defaultTemplateId, detail, figures, reportOf, save, submit } from './report-test-kit.ts';

/**
 * The whole cycle of ADR 0003 over HTTP: a quarterly schedule for two departments, submissions
 * (one late), return and resubmission, acceptance, consolidation by the city's standing office,
 * its submission to the national level and acceptance there; lock, unlock, deadline extension.
 */
let t: TestApp;
let office: Agent;
let health: Agent;
let home: Agent;
let national: Agent;
let ids: Record<string, string>;
let templateId: string;

const Q3 = parsePeriodId('2026Q3').ok ? (parsePeriodId('2026Q3') as { ok: true; period: { end: string } }).period : null;
const DUE = dueDateFor({ kind: 'working_days_after_window', days: 3 }, Q3!); // 2026-09-17
/** Noon in Vietnam on a date. */
const vietnamNoon = (date: string) => new Date(`${date}T05:00:00Z`);

beforeAll(async () => {
  t = await createTestApp();
  // Everyone signs in at the latest instant the tests use; the clock then only moves back from it.
  t.clock.now = new Date('2026-10-05T02:00:00Z');
  office = await loginAs(t.app, 'tinh.thuongtruc');
  health = await loginAs(t.app, 'so.yte');
  home = await loginAs(t.app, 'so.noivu');
  national = await loginAs(t.app, 'tw.thuongtruc');
  ids = await agencyIds(t);
  templateId = await defaultTemplateId(t);
});
afterAll(() => t.close());

async function auditCount(action: string, entityId: string) {
  return (
    await t.database.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)))
  ).length;
}

async function notificationsOf(username: string, entityId: string) {
  const [user] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return t.database.db
    .select({ kind: notifications.kind, title: notifications.title, body: notifications.body })
    .from(notifications)
    .where(and(eq(notifications.recipientUserId, user!.id), eq(notifications.entityId, entityId)));
}

describe('the reporting cycle of a quarter', () => {
  it('runs from the schedule to the national acceptance of the consolidated report', async () => {
    expect(DUE).toBe('2026-09-17');
    t.clock.now = new Date('2026-10-05T02:00:00Z');
    const schedule = await createSchedule(office, {
      templateId,
      recipientAgencyId: ids['T31.CA']!,
      reporterAgencyIds: [ids['T31.SYT']!, ids['T31.SNV']!],
    });
    expect(schedule).toMatchObject({
      reporterCount: 2,
      allowedActions: ['manage'],
      dueRuleLabel: '3 ngày làm việc sau khi kết thúc kỳ số liệu',
    });
    expect(await auditCount('report_schedule.created', schedule.id)).toBe(1);

    // Each department finds its report of the quarter in its own list, not started, due on the 17th.
    const healthReport = await reportOf(health, schedule.id, ids['T31.SYT']!);
    expect(healthReport).toMatchObject({ status: 'not_started', state: 'missing', dueDate: DUE, recipientOrgUnitId: 'VN.31' });
    expect(healthReport.allowedActions).toEqual(['view', 'edit', 'export']);
    expect((await notificationsOf('so.yte', schedule.id)).map((n) => n.title)).toEqual([`Yêu cầu báo cáo: ${schedule.name}`]);

    // Sở Y tế: saves, then submits the day before the deadline (on time).
    t.clock.now = vietnamNoon('2026-09-16');
    let healthDetail = await save(health, healthReport, figures(1), { direction: 'Sở Y tế đã ban hành kế hoạch.' });
    expect(healthDetail).toMatchObject({ status: 'draft', version: 2 });
    expect(healthDetail.content.tables.victims_received!.received!.total).toBe(5);
    healthDetail = await submit(health, healthDetail);
    expect(healthDetail).toMatchObject({ status: 'submitted', state: 'submitted', late: false });
    expect(healthDetail.firstSubmittedAt).toBe(vietnamNoon('2026-09-16').toISOString());
    expect((await notificationsOf('tinh.thuongtruc', healthDetail.id)).map((n) => n.title)).toContain(
      'Báo cáo mới: Sở Y tế thành phố Hải Phòng',
    );

    // Sở Nội vụ submits two days late.
    t.clock.now = vietnamNoon('2026-09-19');
    const homeReport = await reportOf(home, schedule.id, ids['T31.SNV']!);
    let homeDetail = await save(home, homeReport, figures(2), { direction: 'Sở Nội vụ đã phối hợp tuyên truyền.' });
    homeDetail = await submit(home, homeDetail);
    expect(homeDetail).toMatchObject({ status: 'submitted', state: 'late', late: true });
    const firstSubmission = homeDetail.firstSubmittedAt;

    // The standing office returns it with a comment; the department hears of it.
    t.clock.now = vietnamNoon('2026-09-21');
    const returned = await office.post(`/api/v1/reports/${homeDetail.id}/return`, { comment: 'Bổ sung số liệu nạn nhân được hỗ trợ.' });
    expect(returned.statusCode, returned.body).toBe(200);
    homeDetail = returned.json<ReportDetail>();
    expect(homeDetail.status).toBe('returned');
    expect(homeDetail.events.at(-1)).toMatchObject({
      action: 'return',
      fromStatus: 'submitted',
      toStatus: 'returned',
      comment: 'Bổ sung số liệu nạn nhân được hỗ trợ.',
      actorName: 'Nguyễn Văn Thường Trực',
    });
    expect((await notificationsOf('so.noivu', homeDetail.id)).some((n) => n.body.includes('Bổ sung số liệu nạn nhân'))).toBe(true);

    // It corrects (a save keeps it returned) and resubmits; the first submission time stays.
    t.clock.now = vietnamNoon('2026-09-22');
    homeDetail = await save(
      home,
      homeDetail,
      { ...figures(2), victims_supported: { medical: { persons: 3 } } },
      homeDetail.content.narratives,
    );
    expect(homeDetail.status).toBe('returned');
    homeDetail = await submit(home, homeDetail);
    expect(homeDetail).toMatchObject({ status: 'resubmitted', firstSubmittedAt: firstSubmission, late: true });
    expect(homeDetail.submittedAt).toBe(vietnamNoon('2026-09-22').toISOString());

    // Both are accepted.
    for (const report of [healthDetail, homeDetail]) {
      const accepted = await office.post(`/api/v1/reports/${report.id}/accept`, {});
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(accepted.json<ReportDetail>().status).toBe('accepted');
    }

    // The matrix: two of two submitted, one on time.
    t.clock.now = new Date('2026-10-05T02:00:00Z');
    const matrix = (await office.get(`/api/v1/report-schedules/${schedule.id}/matrix`)).json<SubmissionMatrix>();
    expect(matrix.periods.map((p) => p.id)).toEqual(['2026Q3']);
    expect(matrix.rates['2026Q3']).toMatchObject({ expected: 2, submitted: 2, onTime: 1, late: 1, submittedRate: 100, onTimeRate: 50 });
    expect(matrix.consolidated['2026Q3']).toBeNull();

    // Consolidation: the cells are the sums, and each figure can be traced to the two departments.
    const consolidatedResponse = await office.post(`/api/v1/report-schedules/${schedule.id}/periods/2026Q3/consolidate`, {});
    expect(consolidatedResponse.statusCode, consolidatedResponse.body.slice(0, 500)).toBe(200);
    let consolidated = consolidatedResponse.json<ReportDetail>();
    expect(consolidated).toMatchObject({
      kind: 'consolidated',
      status: 'draft',
      agencyId: ids['T31.CA'],
      orgUnitId: 'VN.31',
      recipientOrgUnitId: 'VN',
    });
    expect(consolidated.content.tables.victims_received!.received).toMatchObject({ total: 15, female: 9, male: 6 });
    expect(consolidated.content.tables.tipoffs!.received!.total).toBe(30);
    expect(consolidated.content.tables.victims_supported!.medical!.persons).toBe(3);
    expect(consolidated.content.tables.offenders!.suspects!.total).toBeNull();
    expect(consolidated.content.narratives.direction).toContain('Sở Y tế thành phố Hải Phòng: Sở Y tế đã ban hành kế hoạch.');
    expect(consolidated.content.narratives.direction).toContain('Sở Nội vụ thành phố Hải Phòng: Sở Nội vụ đã phối hợp tuyên truyền.');
    expect(
      consolidated.consolidation!.contributions['tables.victims_received.received.total']!.map((c) => [c.unitName, c.value]).sort(),
    ).toEqual([
      ['Sở Nội vụ thành phố Hải Phòng', 10],
      ['Sở Y tế thành phố Hải Phòng', 5],
    ]);
    expect(consolidated.consolidation!.sources.map((s) => s.id).sort()).toEqual([healthDetail.id, homeDetail.id].sort());
    expect(consolidated.consolidation!.consolidatedAt).toBe(new Date('2026-10-05T02:00:00Z').toISOString());
    expect(consolidated.dueDate).toBe('2026-09-21'); // two working days after the units' deadline
    expect(
      (await t.database.db.select().from(reportEvents).where(eq(reportEvents.instanceId, consolidated.id))).map((e) => e.action),
    ).toEqual(['consolidate']);
    expect(await auditCount('report.consolidated', consolidated.id)).toBe(1);

    // The standing office edits a narrative of its own and submits the consolidated report upward.
    consolidated = await save(office, consolidated, consolidated.content.tables as never, {
      ...consolidated.content.narratives,
      proposals: 'Đề nghị Bộ Công an hỗ trợ kinh phí.',
    });
    // Consolidating again refreshes the figures and keeps the edited narratives.
    consolidated = (await office.post(`/api/v1/report-schedules/${schedule.id}/periods/2026Q3/consolidate`, {})).json<ReportDetail>();
    expect(consolidated.content.narratives.proposals).toBe('Đề nghị Bộ Công an hỗ trợ kinh phí.');
    consolidated = await submit(office, consolidated);
    expect(consolidated.status).toBe('submitted');
    // Late by the upward deadline (21/9), judged like any report.
    expect(consolidated.late).toBe(true);
    const again = await office.post(`/api/v1/report-schedules/${schedule.id}/periods/2026Q3/consolidate`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'report.not_editable',
      title: 'Báo cáo đang ở trạng thái "Đã gửi", không thể sửa nội dung.',
    });

    // The national level finds it among the reports addressed to it and accepts it.
    const addressed = (await national.get('/api/v1/reports?view=addressed&limit=100&kind=consolidated')).json<{ items: ReportView[] }>();
    expect(addressed.items.map((item) => item.id)).toContain(consolidated.id);
    for (const item of addressed.items) expect(item.recipientOrgUnitId).toBe('VN');
    const nationalView = await detail(national, consolidated.id);
    expect(nationalView.allowedActions).toEqual(expect.arrayContaining(['return', 'accept']));
    expect(nationalView.allowedActions).not.toContain('edit');
    const acceptedUp = await national.post(`/api/v1/reports/${consolidated.id}/accept`, { comment: 'Đạt yêu cầu.' });
    expect(acceptedUp.statusCode, acceptedUp.body).toBe(200);
    expect(acceptedUp.json<ReportDetail>().status).toBe('accepted');
    expect((await notificationsOf('tinh.thuongtruc', consolidated.id)).map((n) => n.title)).toContain(
      `Báo cáo được chấp nhận: ${schedule.name}`,
    );
    // The city's office cannot accept its own consolidated report (it reviews the city, not the nation).
    expect((await detail(office, consolidated.id)).allowedActions).not.toContain('accept');

    // Lock, then unlock with a reason: the report goes back to the department as returned.
    const locked = await office.post(`/api/v1/reports/${healthDetail.id}/lock`);
    expect(locked.json<ReportDetail>()).toMatchObject({ status: 'locked' });
    const unlocked = await office.post(`/api/v1/reports/${healthDetail.id}/unlock`, {
      reason: 'Điều chỉnh số liệu theo kết quả xác minh.',
    });
    expect(unlocked.statusCode, unlocked.body).toBe(200);
    expect(unlocked.json<ReportDetail>()).toMatchObject({ status: 'returned' });
    expect(unlocked.json<ReportDetail>().events.at(-1)).toMatchObject({
      action: 'unlock',
      fromStatus: 'locked',
      toStatus: 'returned',
      comment: 'Điều chỉnh số liệu theo kết quả xác minh.',
    });
    expect(await auditCount('report.unlocked', healthDetail.id)).toBe(1);
    expect((await notificationsOf('so.yte', healthDetail.id)).some((n) => n.body.includes('Điều chỉnh số liệu'))).toBe(true);
    // Unlocking needs a reason.
    expect((await office.post(`/api/v1/reports/${homeDetail.id}/unlock`, {})).statusCode).toBe(400);
  });

  it('a deadline extension makes a submission after the original due date on time', async () => {
    t.clock.now = new Date('2026-10-05T02:00:00Z');
    const schedule = await createSchedule(office, {
      templateId,
      recipientAgencyId: ids['T31.CA']!,
      reporterAgencyIds: [ids['T31.SYT']!, ids['T31.SNV']!],
    });
    const healthReport = await reportOf(health, schedule.id, ids['T31.SYT']!);
    const homeReport = await reportOf(home, schedule.id, ids['T31.SNV']!);

    // Only a reviewer extends, with a later date and a reason.
    expect((await health.post(`/api/v1/reports/${healthReport.id}/deadline`, { dueDate: '2026-09-30', reason: 'x' })).statusCode).toBe(403);
    const before = await databaseFingerprint(t.database.db);
    const earlier = await office.post(`/api/v1/reports/${healthReport.id}/deadline`, { dueDate: '2026-09-10', reason: 'Nhầm' });
    expect(earlier.statusCode).toBe(400);
    expect(earlier.json().errors[0].message).toBe('Hạn mới phải sau hạn hiện tại (17/09/2026).');
    expect(await databaseFingerprint(t.database.db)).toEqual(before);

    t.clock.now = vietnamNoon('2026-09-15');
    const extended = await office.post(`/api/v1/reports/${healthReport.id}/deadline`, {
      dueDate: '2026-09-25',
      reason: 'Sở Y tế đang xác minh số liệu nạn nhân.',
    });
    expect(extended.statusCode, extended.body).toBe(200);
    expect(extended.json<ReportDetail>()).toMatchObject({ dueDate: '2026-09-25', dueDateExtended: true });
    expect(extended.json<ReportDetail>().events.at(-1)).toMatchObject({
      action: 'extend',
      comment: 'Sở Y tế đang xác minh số liệu nạn nhân.',
    });
    const [event] = await t.database.db
      .select({ details: reportEvents.details })
      .from(reportEvents)
      .where(and(eq(reportEvents.instanceId, healthReport.id), eq(reportEvents.action, 'extend')));
    expect(event!.details).toEqual({ fromDueDate: '2026-09-17', toDueDate: '2026-09-25' });
    expect(await auditCount('report.deadline_extended', healthReport.id)).toBe(1);

    // Both submit on 23/9: after the original deadline; only the extended one is on time.
    t.clock.now = vietnamNoon('2026-09-23');
    const healthDone = await submit(health, await save(health, await detail(health, healthReport.id), figures(1)));
    const homeDone = await submit(home, await save(home, homeReport, figures(1)));
    expect(healthDone).toMatchObject({ late: false, state: 'submitted' });
    expect(homeDone).toMatchObject({ late: true, state: 'late' });
    t.clock.now = new Date('2026-10-05T02:00:00Z');
    const matrix = (await office.get(`/api/v1/report-schedules/${schedule.id}/matrix`)).json<SubmissionMatrix>();
    expect(matrix.rates['2026Q3']).toMatchObject({ expected: 2, submitted: 2, onTime: 1 });

    // A submitted report's deadline cannot be moved any more.
    const tooLate = await office.post(`/api/v1/reports/${homeDone.id}/deadline`, { dueDate: '2026-10-30', reason: 'Muộn' });
    expect(tooLate.statusCode).toBe(409);
    expect(tooLate.json()).toMatchObject({
      code: 'report.transition_not_allowed',
      title: 'Không thể "gia hạn" khi báo cáo đang ở trạng thái "Đã gửi".',
    });
  });

  it('says which unit reports a consolidation left out and why, until consolidating again sums them', async () => {
    t.clock.now = new Date('2026-10-05T02:00:00Z');
    const schedule = await createSchedule(office, {
      templateId,
      recipientAgencyId: ids['T31.CA']!,
      reporterAgencyIds: [ids['T31.SYT']!, ids['T31.SNV']!],
    });
    const healthReport = await submit(
      health,
      await save(health, await detail(health, (await reportOf(health, schedule.id, ids['T31.SYT']!)).id), figures(1)),
    );
    expect((await office.post(`/api/v1/reports/${healthReport.id}/accept`, {})).statusCode).toBe(200);
    let homeReport = await submit(
      home,
      await save(home, await detail(home, (await reportOf(home, schedule.id, ids['T31.SNV']!)).id), figures(2)),
    );
    expect((await office.post(`/api/v1/reports/${homeReport.id}/return`, { comment: 'Bổ sung số liệu.' })).statusCode).toBe(200);

    // Both submitted, one returned: the consolidation sums the accepted one and names the other with its reason.
    let consolidated = (await office.post(`/api/v1/report-schedules/${schedule.id}/periods/2026Q3/consolidate`, {})).json<ReportDetail>();
    expect(consolidated.consolidation!.sources.map((source) => source.id)).toEqual([healthReport.id]);
    expect(consolidated.consolidation!.leftOut).toEqual([
      { id: homeReport.id, agencyName: 'Sở Nội vụ thành phố Hải Phòng', status: 'returned', standing: 'returned' },
    ]);
    expect(consolidated.content.tables.victims_received!.received!.total).toBe(5);

    // Accepted since: still left out of the figures, and said so, until the office consolidates again.
    homeReport = await submit(home, await detail(home, homeReport.id));
    expect((await office.post(`/api/v1/reports/${homeReport.id}/accept`, {})).statusCode).toBe(200);
    expect((await detail(office, consolidated.id)).consolidation!.leftOut).toMatchObject([{ id: homeReport.id, standing: 'included' }]);
    consolidated = (await office.post(`/api/v1/report-schedules/${schedule.id}/periods/2026Q3/consolidate`, {})).json<ReportDetail>();
    expect(consolidated.consolidation!.leftOut).toEqual([]);
    expect(consolidated.content.tables.victims_received!.received!.total).toBe(15);
  });

  it('refuses to consolidate a national schedule: VN has no level above it', async () => {
    t.clock.now = new Date('2026-10-05T02:00:00Z');
    const response = await national.post('/api/v1/report-schedules', {
      name: 'Báo cáo quý các tỉnh (kiểm thử)',
      periodType: 'quarter',
      dueRule: { kind: 'working_days_after_window', days: 5 },
      firstPeriodId: '2026Q3',
      lastPeriodId: '2026Q3',
      orgUnitId: 'VN',
      templateId,
      recipientAgencyId: ids['TW.VPTT138'],
      reporterAgencyIds: [ids['T31.CA']],
    });
    expect(response.statusCode, response.body).toBe(201);
    const id = response.json<{ id: string }>().id;
    const before = await databaseFingerprint(t.database.db);
    const refused = await national.post(`/api/v1/report-schedules/${id}/periods/2026Q3/consolidate`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'report.no_parent_unit' });
    expect(refused.json().title).toContain('cấp cao nhất');
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
    // The province's standing office reports under it and sees its report, but does not review the schedule.
    const mine = (await office.get(`/api/v1/reports?scheduleId=${id}&view=mine`)).json<{ items: ReportView[] }>();
    expect(mine.items.map((item) => item.agencyId)).toEqual([ids['T31.CA']]);
    expect((await office.get(`/api/v1/report-schedules/${id}/matrix`)).statusCode).toBe(403);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(inArray(auditEvents.entityId, [id]));
    expect(audit.map((a) => a.action)).toEqual(['report_schedule.created']);
  });
});
