import { auditEvents } from '@atmis/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../testing/database-fingerprint.ts';
import { createTestApp, loginAs, type Agent, type TestApp } from '../../testing/test-app.ts';
import { createReportExportService } from './report-export.service.ts';
import { createReportsService } from './reports.service.ts';
import { agencyIds, createSchedule, defaultTemplateId, detail, figures, reportOf, save, submit } from './report-test-kit.ts';

/** GET /reports/{id}/export.docx|xlsx: the report as the reader may see it, audited as an export. */
let t: TestApp;
let office: Agent;
let health: Agent;
let home: Agent;
let ids: Record<string, string>;
let reportId: string;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2026-10-05T02:00:00Z');
  office = await loginAs(t.app, 'tinh.thuongtruc');
  health = await loginAs(t.app, 'so.yte');
  home = await loginAs(t.app, 'so.noivu');
  ids = await agencyIds(t);
  const schedule = await createSchedule(office, {
    templateId: await defaultTemplateId(t),
    recipientAgencyId: ids['T31.CA']!,
    reporterAgencyIds: [ids['T31.SYT']!],
  });
  const report = await reportOf(health, schedule.id, ids['T31.SYT']!);
  reportId = (await submit(health, await save(health, report, figures(1), { direction: 'Đã ban hành kế hoạch.' }))).id;
});
afterAll(() => t.close());

describe('report exports', () => {
  it.each([
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ])('%s: a document for whoever sees the report, audited', async (format, mime) => {
    const response = await health.get(`/api/v1/reports/${reportId}/export.${format}`);
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(response.headers['content-type']).toContain(mime);
    expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''bao-cao-S%E1%BB%9F-Y-t%E1%BA%BF`);
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const audited = await t.database.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'report.exported'), eq(auditEvents.entityId, reportId)));
    expect(audited.some((row) => (row.details as { format: string }).format === format)).toBe(true);
    // The reviewer may export it too; another department may not even see it.
    expect((await office.get(`/api/v1/reports/${reportId}/export.${format}`)).statusCode).toBe(200);
    const before = await databaseFingerprint(t.database.db);
    expect((await home.get(`/api/v1/reports/${reportId}/export.${format}`)).statusCode).toBe(404);
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
  });

  it('maps the stored report into the document model', async () => {
    const reports = createReportsService({ db: t.database.db, clock: () => t.clock.now, prefill: t.app.prefill });
    const model = await createReportExportService({ db: t.database.db, clock: () => t.clock.now }, reports).model(
      await detail(health, reportId),
    );
    expect(model).toMatchObject({
      issuerParent: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG',
      issuerName: 'SỞ Y TẾ THÀNH PHỐ HẢI PHÒNG',
      place: 'Hải Phòng',
      title: 'Báo cáo kết quả công tác phòng, chống mua bán người quý III năm 2026',
      periodLabel: 'Quý III năm 2026',
      window: { start: '2026-06-15', end: '2026-09-14' },
      kind: 'unit',
      status: 'submitted',
      statusLabel: 'Đã gửi',
      recipients: ['Công an thành phố Hải Phòng;'],
    });
    expect(model.content.narratives.direction).toBe('Đã ban hành kế hoạch.');
  });
});
