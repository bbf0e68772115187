import type { ReportDetail } from '@atmis/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../testing/database-fingerprint.ts';
import { createTestApp, loginAs, type Agent, type TestApp } from '../../testing/test-app.ts';
import { agencyIds, createSchedule, defaultTemplateId, detail, figures, save, submit } from './report-test-kit.ts';

/**
 * Bad input to a report: refused with a Vietnamese message that names the table, row and column,
 * and nothing is written (the database fingerprint is unchanged).
 */
let t: TestApp;
let office: Agent;
let health: Agent;
let ids: Record<string, string>;
let templateId: string;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2026-10-05T02:00:00Z');
  office = await loginAs(t.app, 'tinh.thuongtruc');
  health = await loginAs(t.app, 'so.yte');
  ids = await agencyIds(t);
  templateId = await defaultTemplateId(t);
});
afterAll(() => t.close());

/** A fresh report of Sở Y tế (its own schedule), as the department sees it. */
async function freshReport(): Promise<ReportDetail> {
  const schedule = await createSchedule(office, { templateId, recipientAgencyId: ids['T31.CA']!, reporterAgencyIds: [ids['T31.SYT']!] });
  const list = await health.get(`/api/v1/reports?scheduleId=${schedule.id}`);
  return detail(health, list.json<{ items: { id: string }[] }>().items[0]!.id);
}

async function unchanged<T>(call: () => Promise<T>): Promise<T> {
  const before = await databaseFingerprint(t.database.db);
  const result = await call();
  expect(await databaseFingerprint(t.database.db)).toEqual(before);
  return result;
}

const RECEIVED_TOTAL = 'Bảng "Nạn nhân được tiếp nhận, xác định", dòng "Được tiếp nhận", cột "Tổng số"';

describe('cells that are not non-negative integers', () => {
  it.each([
    [-3, 'không được là số âm (nhận được -3)'],
    ['mười', 'phải là số nguyên không âm (nhận được "mười")'],
    [1.5, 'phải là số nguyên, không có phần thập phân hay dấu phân cách hàng nghìn (nhận được 1,5)'],
    ['1.000', 'phải là số nguyên, không có phần thập phân'],
    [2_000_000_000, 'không được lớn hơn 1.000.000.000'],
  ])('%s is refused (400), naming the cell, and nothing is written', async (value, message) => {
    const report = await freshReport();
    const response = await unchanged(() =>
      health.request('PUT', `/api/v1/reports/${report.id}/content`, {
        version: report.version,
        content: { tables: { victims_received: { received: { total: value } } } },
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem).toMatchObject({
      code: 'report.invalid_content',
      title: 'Số liệu báo cáo chưa hợp lệ, chưa lưu. Vui lòng sửa các ô được đánh dấu.',
    });
    expect(problem.errors).toHaveLength(1);
    expect(problem.errors[0].path).toBe('tables.victims_received.received.total');
    expect(problem.errors[0].message).toContain(`${RECEIVED_TOTAL}: ${message}`);
    expect((await detail(health, report.id)).status).toBe('not_started');
  });

  it('reports every bad cell and unknown key at once, in English when asked', async () => {
    const report = await freshReport();
    const response = await unchanged(() =>
      health.request(
        'PUT',
        `/api/v1/reports/${report.id}/content`,
        {
          version: report.version,
          content: {
            tables: {
              victims_received: { received: { total: -1, female: 'ba' } },
              weapons: { seized: { total: 1 } },
            },
          },
        },
        { 'accept-language': 'en' },
      ),
    );
    expect(response.statusCode).toBe(400);
    const errors = response.json().errors as { path: string; message: string }[];
    expect(errors.map((e) => e.path).sort()).toEqual(
      ['tables.victims_received.received.female', 'tables.victims_received.received.total', 'tables.weapons'].sort(),
    );
    expect(errors.find((e) => e.path === 'tables.weapons')!.message).toBe('Table "weapons" is not in the report template.');
    expect(response.json().title).toBe('The report contains invalid figures and was not saved. Correct the marked cells.');
  });
});

describe('consistency', () => {
  it('parts above their total are saved, but block the submission (422) and the report stays a draft', async () => {
    let report = await freshReport();
    report = await save(health, report, { victims_received: { received: { total: 5, female: 4, male: 3 } } });
    expect(report.status).toBe('draft');
    expect(report.issues).toEqual([
      expect.objectContaining({
        code: 'parts_exceed_total',
        severity: 'error',
        path: 'tables.victims_received.received.total',
        message:
          'Bảng "Nạn nhân được tiếp nhận, xác định", dòng "Được tiếp nhận": tổng các cột "Nữ", "Nam" là 7, lớn hơn cột "Tổng số" (5).',
      }),
    ]);
    const response = await unchanged(() => health.post(`/api/v1/reports/${report.id}/submit`, { version: report.version }));
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'report.submission_blocked',
      title: 'Chưa thể gửi báo cáo: còn 1 vấn đề cần xử lý (số liệu mâu thuẫn hoặc cảnh báo chưa có giải trình).',
      errors: [{ path: 'tables.victims_received.received.total', message: expect.stringContaining('lớn hơn cột "Tổng số" (5)') }],
    });
    expect((await detail(health, report.id)).status).toBe('draft');
  });

  it('identified above received blocks the submission too', async () => {
    let report = await freshReport();
    report = await save(health, report, { victims_received: { received: { total: 2 }, identified: { total: 3 } } });
    const response = await unchanged(() => health.post(`/api/v1/reports/${report.id}/submit`, { version: report.version }));
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].message).toBe(
      'Bảng "Nạn nhân được tiếp nhận, xác định", cột "Tổng số": dòng "Được xác định là nạn nhân" (3) lớn hơn dòng "Được tiếp nhận" (2).',
    );
  });

  it('an incomplete breakdown needs a note before it can be submitted', async () => {
    let report = await freshReport();
    report = await save(health, report, { victims_received: { received: { total: 5, female: 3, male: 1 } } });
    const warning = report.issues.find((issue) => issue.severity === 'warning')!;
    expect(warning.code).toBe('parts_below_total');
    const blocked = await unchanged(() => health.post(`/api/v1/reports/${report.id}/submit`, { version: report.version }));
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().errors[0].message).toContain('Chưa có ghi chú lý do nên chưa gửi được báo cáo.');
    const noted = await health.request('PUT', `/api/v1/reports/${report.id}/content`, {
      version: report.version,
      content: {
        tables: { victims_received: { received: { total: 5, female: 3, male: 1 } } },
        notes: { [warning.key]: 'Một nạn nhân chưa xác định được giới tính.' },
      },
    });
    expect(noted.statusCode, noted.body).toBe(200);
    expect((await submit(health, noted.json<ReportDetail>())).status).toBe('submitted');
  });
});

describe('conflicts', () => {
  it('an edit based on an older version is refused (409), saying who saved when; nothing is overwritten', async () => {
    const opened = await freshReport();
    t.clock.now = new Date('2026-09-16T03:05:00Z'); // 10:05 in Vietnam
    await save(health, opened, figures(1));
    t.clock.now = new Date('2026-10-05T02:00:00Z');
    const stale = await unchanged(() =>
      health.request('PUT', `/api/v1/reports/${opened.id}/content`, { version: opened.version, content: { tables: figures(3) } }),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'report.stale',
      title:
        'Báo cáo đã được Trần Thị Y Tế lưu lúc 10:05 ngày 16/09/2026, sau khi bạn mở. Những gì bạn đã nhập vẫn được giữ trên màn hình: hãy tải bản mới nhất, đối chiếu rồi lưu lại.',
    });
    expect((await detail(health, opened.id)).content.tables.victims_received!.received!.total).toBe(5);
    // Submitting what one saw is held to the same rule.
    expect((await unchanged(() => health.post(`/api/v1/reports/${opened.id}/submit`, { version: opened.version }))).statusCode).toBe(409);
  });

  it('two saves sent at once from the same version: one is saved (200), the other is a 409 report.stale; the saved figures stay', async () => {
    const opened = await freshReport();
    const put = (total: number) =>
      health.request('PUT', `/api/v1/reports/${opened.id}/content`, { version: opened.version, content: { tables: figures(total) } });
    const [a, b] = await Promise.all([put(2), put(4)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a];
    expect(lost.json()).toMatchObject({ code: 'report.stale', currentVersion: won.json<ReportDetail>().version });
    const kept = (await detail(health, opened.id)).content.tables.victims_received!.received!.total;
    expect(kept).toBe(won.json<ReportDetail>().content.tables.victims_received!.received!.total);
  });

  it('a locked report can neither be submitted (409) nor edited (409)', async () => {
    let report = await freshReport();
    report = await submit(health, await save(health, report, figures(1)));
    expect((await office.post(`/api/v1/reports/${report.id}/accept`, {})).statusCode).toBe(200);
    const locked = (await office.post(`/api/v1/reports/${report.id}/lock`)).json<ReportDetail>();
    expect(locked.status).toBe('locked');
    const afterLock = await detail(health, report.id);
    expect(afterLock.allowedActions).toEqual(['view', 'export']);

    const submitted = await unchanged(() => health.post(`/api/v1/reports/${report.id}/submit`, { version: afterLock.version }));
    expect(submitted.statusCode).toBe(409);
    expect(submitted.json()).toMatchObject({
      code: 'report.transition_not_allowed',
      title: 'Không thể "gửi báo cáo" khi báo cáo đang ở trạng thái "Đã khóa".',
    });
    const edited = await unchanged(() =>
      health.request('PUT', `/api/v1/reports/${report.id}/content`, { version: afterLock.version, content: { tables: figures(2) } }),
    );
    expect(edited.statusCode).toBe(409);
    expect(edited.json()).toMatchObject({
      code: 'report.not_editable',
      title: 'Báo cáo đang ở trạng thái "Đã khóa", không thể sửa nội dung.',
    });
    // A reviewer cannot accept twice or return a locked report either.
    const returned = await unchanged(() => office.post(`/api/v1/reports/${report.id}/return`, { comment: 'Sửa lại' }));
    expect(returned.statusCode).toBe(409);
    expect(returned.json().title).toBe('Không thể "trả lại báo cáo" khi báo cáo đang ở trạng thái "Đã khóa".');
  });

  it('a return needs a comment (400)', async () => {
    let report = await freshReport();
    report = await submit(health, await save(health, report, figures(1)));
    const response = await unchanged(() => office.post(`/api/v1/reports/${report.id}/return`, { comment: '   ' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation.failed');
  });
});
