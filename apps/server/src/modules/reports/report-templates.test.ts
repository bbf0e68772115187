import { auditEvents } from '@atmis/db';
import type { ReportDetail, ReportTemplateDetail, ReportTemplateView } from '@atmis/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../testing/database-fingerprint.ts';
import { createTestApp, loginAs, uniqueName, type Agent, type TestApp } from '../../testing/test-app.ts';
import { agencyIds, createSchedule, detail } from './report-test-kit.ts';

/** Templates: national data, published in versions; a report keeps the version it was made with. */
let t: TestApp;
let admin: Agent;
let office: Agent;
let health: Agent;
let ids: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2026-10-05T02:00:00Z');
  admin = await loginAs(t.app, 'admin');
  office = await loginAs(t.app, 'tinh.thuongtruc');
  health = await loginAs(t.app, 'so.yte');
  ids = await agencyIds(t);
});
afterAll(() => t.close());

const code = () =>
  uniqueName('kt_')
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 40);

function definition(extraRow = false) {
  return {
    sections: [{ key: 'general', title: 'Tình hình chung', guidance: null, tables: ['cases'] }],
    tables: [
      {
        key: 'cases',
        title: 'Số vụ việc',
        unit: 'vụ',
        prefill: null,
        rows: [
          { key: 'received', label: 'Tiếp nhận' },
          { key: 'solved', label: 'Giải quyết xong' },
          ...(extraRow ? [{ key: 'pending', label: 'Đang giải quyết' }] : []),
        ],
        columns: [{ key: 'total', label: 'Tổng số' }],
        columnGroups: [],
        rowGroups: [],
        rowLimits: [{ row: 'solved', notAbove: 'received' }],
      },
    ],
  };
}

async function unchanged<T>(call: () => Promise<T>): Promise<T> {
  const before = await databaseFingerprint(t.database.db);
  const result = await call();
  expect(await databaseFingerprint(t.database.db)).toEqual(before);
  return result;
}

describe('report templates', () => {
  it('lists the seeded programme report, version 1, with its layout', async () => {
    const list = await health.get('/api/v1/report-templates?code=programme_report');
    expect(list.statusCode).toBe(200);
    const [template] = list.json<{ items: ReportTemplateView[] }>().items.filter((item) => item.version === 1);
    expect(template).toMatchObject({ code: 'programme_report', name: 'Báo cáo kết quả công tác phòng, chống mua bán người' });
    const full = (await health.get(`/api/v1/report-templates/${template!.id}`)).json<ReportTemplateDetail>();
    expect(full.definition.sections).toHaveLength(10);
    expect(full.definition.tables.map((table) => table.key)).toContain('victims_received');
    const search = (await health.get('/api/v1/report-templates?q=phong%20chong%20mua%20ban')).json<{ items: ReportTemplateView[] }>();
    expect(search.items.map((item) => item.code)).toContain('programme_report');
  });

  it('creates version 1 of a new code (national editors only); a duplicate code is 409', async () => {
    const templateCode = code();
    const created = await admin.post('/api/v1/report-templates', {
      code: templateCode,
      name: 'Báo cáo chuyên đề',
      definition: definition(),
    });
    expect(created.statusCode, created.body.slice(0, 300)).toBe(201);
    const template = created.json<ReportTemplateDetail>();
    expect(template).toMatchObject({ code: templateCode, version: 1, status: 'active', reportCount: 0 });
    const audited = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'report_template.created'), eq(auditEvents.entityId, template.id)));
    expect(audited).toHaveLength(1);

    const duplicate = await unchanged(() =>
      admin.post('/api/v1/report-templates', { code: templateCode, name: 'Trùng mã', definition: definition() }),
    );
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'report_template.duplicate_code' });
    expect(duplicate.json().title).toContain(`"${templateCode}"`);
  });

  it('an invalid definition is a 400 with a Vietnamese message per field; nothing is written', async () => {
    const broken = definition();
    broken.tables[0]!.rowLimits = [{ row: 'closed', notAbove: 'received' }];
    broken.sections.push({ key: 'General', title: '', guidance: null, tables: ['missing_table'] });
    const response = await unchanged(() => admin.post('/api/v1/report-templates', { code: code(), name: 'Mẫu lỗi', definition: broken }));
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation.failed');
    const errors = response.json().errors as { path: string; message: string }[];
    expect(errors).toEqual(
      expect.arrayContaining([
        {
          path: 'definition.sections.1.key',
          message: 'Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ, tối đa 40 ký tự.',
        },
        { path: 'definition.sections.1.title', message: 'Không được để trống.' },
      ]),
    );
    // Cross-references are checked once the fields themselves are right.
    const unknownRow = definition();
    unknownRow.tables[0]!.rowLimits = [{ row: 'closed', notAbove: 'received' }];
    const second = await unchanged(() => admin.post('/api/v1/report-templates', { code: code(), name: 'Mẫu lỗi', definition: unknownRow }));
    expect(second.statusCode).toBe(400);
    expect(second.json().errors).toEqual([
      { path: 'definition.tables.0.rowLimits.0.row', message: 'Bảng "cases": ràng buộc nêu dòng "closed" không có trong bảng.' },
    ]);
  });

  it('a province-level holder of manage:report_templates and the city’s standing office cannot edit templates (403)', async () => {
    const role = await admin.post('/api/v1/roles', {
      code: code(),
      name: 'Biên tập mẫu báo cáo cấp tỉnh',
      nameEn: 'Provincial template editor',
      permissions: ['read:reports', 'manage:report_templates'],
    });
    expect(role.statusCode, role.body).toBe(201);
    const username = uniqueName('mau.');
    const user = await admin.post('/api/v1/users', { username, fullName: 'Biên Tập Mẫu', orgUnitId: 'VN.31', password: 'Tạm-Thời-2026!' });
    expect(user.statusCode, user.body).toBe(201);
    const granted = await admin.post(`/api/v1/users/${user.json<{ id: string }>().id}/assignments`, {
      roleId: role.json<{ id: string }>().id,
      orgUnitId: 'VN.31',
      scope: 'subtree',
    });
    expect(granted.statusCode, granted.body).toBe(201);
    const editor = await loginAs(t.app, username, 'Tạm-Thời-2026!');
    expect(
      (await editor.post('/api/v1/auth/password', { currentPassword: 'Tạm-Thời-2026!', newPassword: 'Biên-Tập-Mẫu-2026!' })).statusCode,
    ).toBe(200);

    const seeded = (await editor.get('/api/v1/report-templates?code=programme_report')).json<{ items: ReportTemplateView[] }>().items[0]!;
    const body = { code: code(), name: 'Mẫu tỉnh', definition: definition() };
    const refused = await unchanged(() => editor.post('/api/v1/report-templates', body));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('auth.forbidden');
    expect(
      (await unchanged(() => editor.post(`/api/v1/report-templates/${seeded.id}/versions`, { name: 'x', definition: definition() })))
        .statusCode,
    ).toBe(403);
    expect((await unchanged(() => office.post('/api/v1/report-templates', body))).statusCode).toBe(403);
  });

  it('publishing a new version retires the old one; reports keep the version they were made with', async () => {
    const templateCode = code();
    const v1 = (
      await admin.post('/api/v1/report-templates', { code: templateCode, name: 'Báo cáo chuyên đề', definition: definition() })
    ).json<ReportTemplateDetail>();
    const schedule = await createSchedule(office, {
      templateId: v1.id,
      recipientAgencyId: ids['T31.CA']!,
      reporterAgencyIds: [ids['T31.SYT']!],
    });
    const [report] = (await health.get(`/api/v1/reports?scheduleId=${schedule.id}`)).json<{ items: { id: string }[] }>().items;

    const published = await admin.post(`/api/v1/report-templates/${v1.id}/versions`, {
      name: 'Báo cáo chuyên đề (sửa đổi)',
      description: 'Thêm dòng đang giải quyết',
      definition: definition(true),
    });
    expect(published.statusCode, published.body.slice(0, 300)).toBe(201);
    const v2 = published.json<ReportTemplateDetail>();
    expect(v2).toMatchObject({ code: templateCode, version: 2, status: 'active', reportCount: 0 });
    expect(v2.definition.tables[0]!.rows.map((row) => row.key)).toEqual(['received', 'solved', 'pending']);
    expect((await health.get(`/api/v1/report-templates/${v1.id}`)).json()).toMatchObject({ status: 'retired', reportCount: 1 });

    const kept: ReportDetail = await detail(health, report!.id);
    expect(kept).toMatchObject({ templateId: v1.id, templateVersion: 1 });
    expect(kept.template.definition.tables[0]!.rows.map((row) => row.key)).toEqual(['received', 'solved']);

    // Only the version in use can be edited; a retired one cannot start a schedule.
    const again = await unchanged(() => admin.post(`/api/v1/report-templates/${v1.id}/versions`, { name: 'x', definition: definition() }));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'report_template.not_active' });
    expect(again.json().title).toContain('Phiên bản 1');
    const retired = await unchanged(() =>
      office.post('/api/v1/report-schedules', {
        name: 'Lịch dùng mẫu cũ',
        periodType: 'quarter',
        dueRule: { kind: 'working_days_after_window', days: 3 },
        firstPeriodId: '2026Q3',
        lastPeriodId: '2026Q3',
        orgUnitId: 'VN.31',
        templateId: v1.id,
        recipientAgencyId: ids['T31.CA'],
        reporterAgencyIds: [ids['T31.SYT']],
      }),
    );
    expect(retired.statusCode).toBe(400);
    expect(retired.json().errors[0]).toMatchObject({ path: 'templateId', message: expect.stringContaining('đã được thay thế') });
    const versions = (await health.get(`/api/v1/report-templates?code=${templateCode}&sort=createdAt`)).json<{
      items: ReportTemplateView[];
    }>();
    expect(versions.items.map((item) => [item.version, item.status])).toEqual([
      [1, 'retired'],
      [2, 'active'],
    ]);
  });
});
