import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { agencies, auditEvents } from '@atmis/db';
import type { PlanDetail, PlanImportView, ReportScheduleDetail, ReportScheduleView, ReportView, ScheduleProposal } from '@atmis/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../testing/database-fingerprint.ts';
import { createTestApp, loginAs, uniqueName, type Agent, type TestApp } from '../../testing/test-app.ts';
import { agencyIds, createSchedule, defaultTemplateId } from './report-test-kit.ts';

/** Schedules: who reports what to whom and when; checked input, lists, changes, proposals from a plan. */
let t: TestApp;
let office: Agent;
let health: Agent;
let home: Agent;
let ids: Record<string, string>;
let templateId: string;

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../packages/domain/src/plans/import/fixtures');

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2026-10-05T02:00:00Z');
  office = await loginAs(t.app, 'tinh.thuongtruc');
  health = await loginAs(t.app, 'so.yte');
  home = await loginAs(t.app, 'so.noivu');
  ids = await agencyIds(t, ['T01.SYT']);
  templateId = await defaultTemplateId(t);
});
afterAll(() => t.close());

const base = () => ({
  name: uniqueName('Lịch kiểm thử '),
  periodType: 'quarter',
  dueRule: { kind: 'working_days_after_window', days: 3 },
  firstPeriodId: '2026Q3',
  lastPeriodId: '2026Q3',
  orgUnitId: 'VN.31',
  templateId,
  recipientAgencyId: ids['T31.CA']!,
  reporterAgencyIds: [ids['T31.SYT']!],
});

async function refused(body: Record<string, unknown>, status = 400) {
  const before = await databaseFingerprint(t.database.db);
  const response = await office.post('/api/v1/report-schedules', body);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(status);
  expect(await databaseFingerprint(t.database.db)).toEqual(before);
  return response.json<{ code: string; errors?: { path: string; message: string }[] }>();
}

describe('creating a schedule', () => {
  it('refuses reporting agencies that are not in the schedule’s unit or no longer exist, naming them', async () => {
    const outside = await refused({ ...base(), reporterAgencyIds: [ids['T31.SYT'], ids['T01.SYT']] });
    expect(outside.errors).toEqual([
      {
        path: 'reporterAgencyIds.1',
        message: 'Cơ quan "Sở Y tế thành phố Hà Nội" không thuộc Thành phố Hải Phòng, nơi nhận báo cáo của lịch này.',
      },
    ]);
    // An agency merged into another is no longer in force.
    const created = await office.post('/api/v1/agencies', {
      code: uniqueName('T31.KT'),
      name: 'Trung tâm sáp nhập',
      type: 'other',
      orgUnitId: 'VN.31',
    });
    const merged = created.json<{ id: string }>().id;
    expect(
      (await office.post(`/api/v1/agencies/${merged}/merge`, { successorId: ids['T31.SNV'], effectiveFrom: '2026-01-01' })).statusCode,
    ).toBe(200);
    const gone = await refused({ ...base(), reporterAgencyIds: [merged] });
    expect(gone.errors![0]!.message).toBe('Cơ quan "Trung tâm sáp nhập" đã hết hiệu lực, không thể giao báo cáo.');
    const missing = await refused({ ...base(), reporterAgencyIds: ['01890000-0000-7000-8000-000000000000'] });
    expect(missing.errors![0]!.message).toContain('không tồn tại');
  });

  it('checks the periods against the period type, and an ad hoc request’s fixed deadline', async () => {
    expect((await refused({ ...base(), firstPeriodId: '2026-03' })).errors![0]).toEqual({
      path: 'firstPeriodId',
      message: 'Kỳ "2026-03" là kỳ tháng, không khớp loại kỳ "quý" của lịch báo cáo.',
    });
    expect((await refused({ ...base(), firstPeriodId: '2026Q5' })).errors![0]!.message).toContain('Mã kỳ báo cáo không hợp lệ');
    expect((await refused({ ...base(), lastPeriodId: '2026Q1' })).errors![0]!.path).toBe('lastPeriodId');
    expect((await refused({ ...base(), dueRule: { kind: 'fixed', date: '2026-10-10' } })).errors![0]!.path).toBe('dueRule');
    const adHoc = { ...base(), kind: 'ad_hoc', periodType: 'ad_hoc', firstPeriodId: '2026-07-01..2026-09-30', lastPeriodId: null };
    expect((await refused(adHoc)).errors![0]).toEqual({
      path: 'dueRule',
      message: 'Yêu cầu báo cáo đột xuất cần một hạn cố định (ngày cụ thể).',
    });
    expect((await refused({ ...adHoc, firstPeriodId: '2026Q3', dueRule: { kind: 'fixed', date: '2026-10-10' } })).errors![0]!.path).toBe(
      'firstPeriodId',
    );
    expect((await refused({ ...base(), firstPeriodId: '1995Q1', lastPeriodId: null })).errors![0]!.message).toContain('Kỳ đầu tiên quá xa');
  });

  it('is for reviewers of the unit: a department (no review:reports) and a province office at VN get 403', async () => {
    const before = await databaseFingerprint(t.database.db);
    expect((await health.post('/api/v1/report-schedules', base())).statusCode).toBe(403);
    expect((await office.post('/api/v1/report-schedules', { ...base(), orgUnitId: 'VN' })).statusCode).toBe(403);
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
  });

  it('an ad hoc request gets one report per agency, due on its date', async () => {
    const response = await office.post('/api/v1/report-schedules', {
      ...base(),
      kind: 'ad_hoc',
      periodType: 'ad_hoc',
      firstPeriodId: '2026-07-01..2026-09-30',
      lastPeriodId: null,
      dueRule: { kind: 'fixed', date: '2026-10-10' },
      reporterAgencyIds: [ids['T31.SYT'], ids['T31.SNV']],
      instructions: 'Báo cáo nhanh tình hình tiếp nhận nạn nhân trở về.',
    });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(201);
    const schedule = response.json<ReportScheduleDetail>();
    expect(schedule).toMatchObject({
      kind: 'ad_hoc',
      upwardDueRule: { kind: 'fixed', date: '2026-10-13' },
      dueRuleLabel: 'Ngày 10/10/2026',
    });
    const reports = (await office.get(`/api/v1/reports?scheduleId=${schedule.id}`)).json<{ items: ReportView[] }>().items;
    expect(reports).toHaveLength(2);
    for (const report of reports) {
      expect(report).toMatchObject({
        dueDate: '2026-10-10',
        period: { id: '2026-07-01..2026-09-30', label: 'Đột xuất từ 01/07/2026 đến 30/09/2026' },
      });
    }
  });
});

describe('listing and changing schedules', () => {
  it('finds schedules by words in any order, without accents; pages without repeats', async () => {
    const marker = uniqueName('Lich');
    for (const suffix of ['A', 'B', 'C']) await createSchedule(office, { ...base(), name: `Báo cáo phòng chống ${marker} tổ ${suffix}` });
    const found = (await office.get(`/api/v1/report-schedules?q=${encodeURIComponent(`${marker.toLowerCase()} phong chong`)}`)).json<{
      items: ReportScheduleView[];
      total: number;
    }>();
    expect(found.total).toBe(3);
    const first = (await office.get(`/api/v1/report-schedules?q=${marker}&limit=2&sort=-name`)).json<{
      items: ReportScheduleView[];
      nextCursor: string;
    }>();
    const second = (await office.get(`/api/v1/report-schedules?q=${marker}&limit=2&sort=-name&cursor=${first.nextCursor}`)).json<{
      items: ReportScheduleView[];
      nextCursor: string | null;
    }>();
    expect([...first.items, ...second.items].map((s) => s.name.slice(-1))).toEqual(['C', 'B', 'A']);
    expect(second.nextCursor).toBeNull();
    // A department lists only the schedules it reports under.
    const mine = (await health.get('/api/v1/report-schedules?limit=100')).json<{ items: ReportScheduleView[] }>();
    for (const schedule of mine.items) expect(schedule.allowedActions).toEqual([]);
    expect((await office.get('/api/v1/report-schedules?orgUnitId=VN.01')).json<{ total: number }>().total).toBe(0);
  });

  it('adding a reporting agency gives it its reports; the change is audited with before and after', async () => {
    const schedule = await createSchedule(office, { ...base(), firstPeriodId: '2026Q1', lastPeriodId: '2026Q3' });
    expect((await home.get(`/api/v1/report-schedules/${schedule.id}`)).statusCode).toBe(404);
    const response = await office.patch(`/api/v1/report-schedules/${schedule.id}`, {
      name: `${schedule.name} (bổ sung)`,
      reporterAgencyIds: [ids['T31.SYT'], ids['T31.SNV']],
    });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.json<ReportScheduleDetail>().reporters.map((r) => r.agencyName)).toEqual([
      'Sở Y tế thành phố Hải Phòng',
      'Sở Nội vụ thành phố Hải Phòng',
    ]);
    const theirs = (await home.get(`/api/v1/reports?scheduleId=${schedule.id}&sort=period`)).json<{ items: ReportView[] }>();
    expect(theirs.items.map((r) => r.period.id)).toEqual(['2026Q1', '2026Q2', '2026Q3']);
    const [audit] = await t.database.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'report_schedule.updated'), eq(auditEvents.entityId, schedule.id)));
    expect(audit!.details).toMatchObject({
      before: { name: schedule.name, reporterAgencyIds: [ids['T31.SYT']] },
      after: { reporterAgencyIds: [ids['T31.SYT'], ids['T31.SNV']] },
      reportsCreated: 3,
    });
    // Departments do not manage schedules.
    const before = await databaseFingerprint(t.database.db);
    expect((await health.patch(`/api/v1/report-schedules/${schedule.id}`, { name: 'x' })).statusCode).toBe(403);
    expect((await office.patch(`/api/v1/report-schedules/${schedule.id}`, {})).statusCode).toBe(400);
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
  });
});

describe('proposals from a plan’s reporting regime', () => {
  it('proposes one schedule per rule of the Hải Phòng plan, and marks the rules already scheduled', async () => {
    const text = readFileSync(path.join(fixtures, 'plan-hai-phong-2016-2020.txt'), 'utf8');
    const imported = await office.post('/api/v1/plan-imports', {
      fileName: 'hai-phong.txt',
      contentBase64: Buffer.from(text).toString('base64'),
    });
    expect(imported.statusCode, imported.body.slice(0, 300)).toBe(201);
    expect(imported.json<PlanImportView>().result.reporting.length).toBe(5);
    const plan = (await office.post(`/api/v1/plan-imports/${imported.json<PlanImportView>().id}/confirm`)).json<PlanDetail>();

    const response = await office.get(`/api/v1/plans/${plan.id}/report-schedule-proposals`);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const proposals = response.json<ScheduleProposal[]>();
    expect(proposals.map((p) => [p.index, p.kind, p.periodType])).toEqual([
      [0, 'ad_hoc', 'ad_hoc'],
      [1, 'periodic', 'quarter'],
      [2, 'periodic', 'half'],
      [3, 'periodic', 'year'],
      [4, 'ad_hoc', 'ad_hoc'],
    ]);
    // The plan ran 2016–2020: periodic proposals start from its last periods.
    expect(proposals.slice(1, 4).map((p) => p.firstPeriodId)).toEqual(['2020Q4', '2020S2', '2020']);
    for (const proposal of proposals) {
      expect(proposal).toMatchObject({ orgUnitId: 'VN.31', recipientAgencyId: ids['T31.CA'], existingScheduleId: null });
      expect(proposal.ruleText).toMatch(/Ban chỉ đạo 799/i);
      if (proposal.kind === 'ad_hoc') expect(proposal.dueRule.kind).toBe('fixed');
    }
    // Reporters: the agencies the plan is addressed to, within the city only.
    const reporters = proposals[1]!.reporterAgencyIds;
    expect(reporters.length).toBeGreaterThan(0);
    const rows = await t.database.db.select({ orgUnitId: agencies.orgUnitId }).from(agencies).where(inArray(agencies.id, reporters));
    for (const row of rows) expect(row.orgUnitId === 'VN.31' || row.orgUnitId.startsWith('VN.31.')).toBe(true);

    // Creating the quarterly one records where it came from; the proposal then points at it.
    const quarterly = proposals[1]!;
    const created = await office.post('/api/v1/report-schedules', {
      name: quarterly.name,
      periodType: quarterly.periodType,
      dueRule: quarterly.dueRule,
      firstPeriodId: quarterly.firstPeriodId,
      lastPeriodId: quarterly.firstPeriodId,
      orgUnitId: quarterly.orgUnitId,
      templateId,
      recipientAgencyId: quarterly.recipientAgencyId,
      reporterAgencyIds: quarterly.reporterAgencyIds,
      planId: plan.id,
      planReportingIndex: quarterly.index,
    });
    expect(created.statusCode, created.body.slice(0, 300)).toBe(201);
    expect(created.json<ReportScheduleDetail>()).toMatchObject({ planId: plan.id, planTitle: plan.title });
    const again = (await office.get(`/api/v1/plans/${plan.id}/report-schedule-proposals`)).json<ScheduleProposal[]>();
    expect(again[1]!.existingScheduleId).toBe(created.json<{ id: string }>().id);
    expect(again.filter((p) => p.existingScheduleId).length).toBe(1);
    const twice = await refused(
      {
        ...base(),
        periodType: 'quarter',
        firstPeriodId: '2020Q4',
        lastPeriodId: '2020Q4',
        planId: plan.id,
        planReportingIndex: 1,
      },
      409,
    );
    expect(twice.code).toBe('resource.conflict');

    // Proposals are for reviewers who see the plan.
    expect((await health.get(`/api/v1/plans/${plan.id}/report-schedule-proposals`)).statusCode).toBe(403);
  });
});
