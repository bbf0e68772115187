import type { ReportView, SubmissionMatrix } from '@atmis/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Agent, type TestApp } from '../../testing/test-app.ts';
import { agencyIds, createSchedule, defaultTemplateId, detail, figures, reportOf, save, submit } from './report-test-kit.ts';

/**
 * Reporting rates and timeliness with known submissions, by controlling the clock: of three
 * departments due on 17/09/2026, one submits the day before, one two days late and one never.
 */
let t: TestApp;
let office: Agent;
let health: Agent;
let home: Agent;
let ids: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2026-10-05T02:00:00Z');
  office = await loginAs(t.app, 'tinh.thuongtruc');
  health = await loginAs(t.app, 'so.yte');
  home = await loginAs(t.app, 'so.noivu');
  ids = await agencyIds(t);
});
afterAll(() => t.close());

describe('reporting rates', () => {
  it('3 expected, 1 on time, 1 late, 1 missing: 66.7% submitted, 33.3% on time', async () => {
    t.clock.now = new Date('2026-10-05T02:00:00Z');
    const schedule = await createSchedule(office, {
      templateId: await defaultTemplateId(t),
      recipientAgencyId: ids['T31.CA']!,
      reporterAgencyIds: [ids['T31.SYT']!, ids['T31.SNV']!, ids['T31.SGDDT']!],
    });
    t.clock.now = new Date('2026-09-17T16:59:00Z'); // 23:59 on the due date in Vietnam: still on time
    await submit(health, await save(health, await reportOf(health, schedule.id, ids['T31.SYT']!), figures(1)));
    t.clock.now = new Date('2026-09-17T17:00:00Z'); // 00:00 the next day in Vietnam: late
    const late = await submit(home, await save(home, await reportOf(home, schedule.id, ids['T31.SNV']!), figures(1)));
    expect(late).toMatchObject({ late: true, state: 'late' });

    // Returned and resubmitted: the first submission still decides, and nobody counts twice.
    t.clock.now = new Date('2026-09-20T03:00:00Z');
    expect((await office.post(`/api/v1/reports/${late.id}/return`, { comment: 'Bổ sung' })).statusCode).toBe(200);
    await submit(home, await detail(home, late.id));

    t.clock.now = new Date('2026-10-05T02:00:00Z');
    const response = await office.get(`/api/v1/report-schedules/${schedule.id}/matrix?from=2026Q3&to=2026Q3`);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const matrix = response.json<SubmissionMatrix>();
    expect(matrix.periods).toEqual([expect.objectContaining({ id: '2026Q3', dueDate: '2026-09-17', label: 'Quý III năm 2026' })]);
    expect(matrix.rates['2026Q3']).toEqual({
      expected: 3,
      submitted: 2,
      onTime: 1,
      late: 1,
      missing: 1,
      submittedRate: 66.7,
      onTimeRate: 33.3,
    });
    const cell = (agency: string) => matrix.rows.find((row) => row.agencyId === ids[agency])!.cells[0]!;
    expect(cell('T31.SYT')).toMatchObject({ status: 'submitted', state: 'submitted', late: false, overdue: false });
    expect(cell('T31.SNV')).toMatchObject({ status: 'resubmitted', state: 'late', late: true });
    expect(cell('T31.SGDDT')).toMatchObject({ status: 'not_started', state: 'missing', overdue: true, firstSubmittedAt: null });
    for (const rates of Object.values(matrix.rates)) {
      expect(rates.submittedRate ?? 0).toBeLessThanOrEqual(100);
      expect(rates.onTimeRate ?? 0).toBeLessThanOrEqual(100);
    }
    // The missing department's report shows as overdue in its list too.
    const missing = (await office.get(`/api/v1/reports?scheduleId=${schedule.id}&status=not_started`)).json<{ items: ReportView[] }>();
    expect(missing.items).toEqual([expect.objectContaining({ agencyId: ids['T31.SGDDT'], overdue: true, state: 'missing' })]);
  });

  it('the default matrix shows the last four periods up to the current one, and refuses periods of another type', async () => {
    t.clock.now = new Date('2026-10-05T02:00:00Z'); // in the window of 2026Q4 (15/09–14/12)
    const schedule = await createSchedule(office, {
      templateId: await defaultTemplateId(t),
      recipientAgencyId: ids['T31.CA']!,
      reporterAgencyIds: [ids['T31.SYT']!],
      firstPeriodId: '2025Q1',
      lastPeriodId: '2026Q4',
    });
    const matrix = (await office.get(`/api/v1/report-schedules/${schedule.id}/matrix`)).json<SubmissionMatrix>();
    expect(matrix.periods.map((p) => p.id)).toEqual(['2026Q1', '2026Q2', '2026Q3', '2026Q4']);
    // Reports exist from the first period up to the current one (8 quarters).
    const all = (await health.get(`/api/v1/reports?scheduleId=${schedule.id}&limit=100&sort=period`)).json<{
      items: ReportView[];
      total: number;
    }>();
    expect(all.total).toBe(8);
    expect(all.items.map((item) => item.period.id)).toEqual([
      '2025Q1',
      '2025Q2',
      '2025Q3',
      '2025Q4',
      '2026Q1',
      '2026Q2',
      '2026Q3',
      '2026Q4',
    ]);
    expect(matrix.rates['2026Q1']).toMatchObject({ expected: 1, submitted: 0, submittedRate: 0, onTimeRate: 0 });
    const wrong = await office.get(`/api/v1/report-schedules/${schedule.id}/matrix?from=2026-01`);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ path: 'from', message: 'Kỳ "2026-01" không phải một kỳ của lịch báo cáo này.' });
    // Keyset pages over the same list: no repeats, nothing skipped.
    const first = (await health.get(`/api/v1/reports?scheduleId=${schedule.id}&limit=3&sort=-dueDate`)).json<{
      items: ReportView[];
      nextCursor: string;
    }>();
    const second = (await health.get(`/api/v1/reports?scheduleId=${schedule.id}&limit=3&sort=-dueDate&cursor=${first.nextCursor}`)).json<{
      items: ReportView[];
    }>();
    expect([...first.items, ...second.items].map((item) => item.period.id)).toEqual([
      '2026Q4',
      '2026Q3',
      '2026Q2',
      '2026Q1',
      '2025Q4',
      '2025Q3',
    ]);
  });
});
