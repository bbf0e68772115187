import { readFileSync } from 'node:fs';
import { agencies, notifications, reportInstances, reportTemplates, roles, users } from '@atmis/db';
import { and, eq } from 'drizzle-orm';
import * as domain from '@atmis/domain';
import { lastDayOfMonth, type RouteContract } from '@atmis/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../testing/database-fingerprint.ts';
import { createTestApp, DEMO_USERNAMES, loginAs, uniqueName, type Agent, type DemoUsername, type TestApp } from '../../testing/test-app.ts';
import { matrixVictimFile, pdfBytes, womanWithChild } from '../../modules/victims/victim-test-kit.ts';

/**
 * Every API route × every demo role. Each row says what each role must get; a refused request
 * (401/403/404) must leave the database exactly as it was. A route added to the API without a row
 * here fails the coverage test at the bottom.
 */
type Expected = Record<DemoUsername, number>;
const all = (status: number): Expected => ({
  admin: status,
  'tinh.thuongtruc': status,
  'so.yte': status,
  'xa.a': status,
  'xa.b': status,
  toaan: status,
});
const only = (granted: Partial<Expected>, otherwise = 403): Expected => ({ ...all(otherwise), ...granted });

interface Fixture {
  adminId: string;
  communeUserId: string;
  roleId: string;
  departmentRoleId: string;
  provinceAgencyId: string;
  successorAgencyId: string;
  /** An issued Hải Phòng plan: a task led by Sở Y tế, one it coordinates, a file, a notification. */
  planId: string;
  healthTaskId: string;
  coordinatedTaskId: string;
  fileId: string;
  notificationId: string;
  /** A Hải Phòng report schedule (2026Q3) with Sở Y tế reporting, its report, and the seeded template. */
  templateId: string;
  standingOfficeAgencyId: string;
  scheduleId: string;
  healthReportId: string;
}

interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** OpenAPI-style template, used for the coverage check. */
  route: string;
  url: (f: Fixture, setup: Setup) => string;
  body?: (f: Fixture, setup: Setup) => unknown;
  expected: Expected;
  /** Prepares a fresh target per role (e.g. a user to reset), so allowed writes do not interfere. */
  prepare?: (t: TestApp, admin: Agent, f: Fixture, username: DemoUsername) => Promise<Setup>;
}
type Setup = Record<string, string>;

const freshUser = async (_t: TestApp, admin: Agent): Promise<Setup> => {
  const response = await admin.post('/api/v1/users', {
    username: uniqueName('m.'),
    fullName: 'Ma Trận',
    orgUnitId: 'VN.31',
    password: 'Ma-Trận-2026!',
  });
  return { userId: response.json<{ id: string }>().id };
};
const freshAssignment = async (t: TestApp, admin: Agent, f: Fixture): Promise<Setup> => {
  const { userId } = await freshUser(t, admin);
  const granted = await admin.post(`/api/v1/users/${userId}/assignments`, {
    roleId: f.departmentRoleId,
    orgUnitId: 'VN.31',
    agencyId: f.provinceAgencyId,
    scope: 'agency',
  });
  return { userId: userId!, assignmentId: granted.json<{ assignments: { id: string }[] }>().assignments[0]!.id };
};
const freshAgency = async (_t: TestApp, admin: Agent): Promise<Setup> => {
  const response = await admin.post('/api/v1/agencies', {
    code: uniqueName('T31.M'),
    name: 'Cơ quan ma trận',
    type: 'other',
    orgUnitId: 'VN.31',
  });
  return { agencyId: response.json<{ id: string }>().id };
};

const planText = readFileSync(
  new URL('../../../../../packages/domain/src/plans/import/fixtures/plan-children-europe-2019.txt', import.meta.url),
  'utf8',
);
const freshImport = async (): Promise<Setup> => {
  const office = agents.get('tinh.thuongtruc')!;
  const response = await office.post('/api/v1/plan-imports', { fileName: 'ke-hoach.txt', text: planText });
  return { importId: response.json<{ id: string }>().id };
};
const freshDraftPlan = async (): Promise<Setup> => {
  const office = agents.get('tinh.thuongtruc')!;
  const response = await office.post('/api/v1/plans', { title: uniqueName('Kế hoạch ma trận ') });
  return { planId: response.json<{ id: string }>().id };
};
/** A fresh task led by Sở Y tế, moved along by its lead to the given state. */
const freshHealthTask =
  (state: 'not_started' | 'in_progress' | 'submitted') =>
  async (_t: TestApp, _admin: Agent, f: Fixture): Promise<Setup> => {
    const office = agents.get('tinh.thuongtruc')!;
    const created = await office.post('/api/v1/plans', {
      title: uniqueName('Kế hoạch ma trận '),
      tasks: [{ content: 'Nhiệm vụ ma trận', leadAgencyId: f.provinceAgencyId, deadline: '2026-01-31' }],
    });
    const plan = created.json<{ id: string }>();
    await office.post(`/api/v1/plans/${plan.id}/issue`);
    const [task] = (await office.get(`/api/v1/tasks?planId=${plan.id}`)).json<{ items: { id: string }[] }>().items;
    const health = agents.get('so.yte')!;
    if (state !== 'not_started') await health.post(`/api/v1/tasks/${task!.id}/progress`, { percent: 50, narrative: 'Đang làm' });
    if (state === 'submitted') await health.post(`/api/v1/tasks/${task!.id}/submit`, {});
    const { version } = (await office.get(`/api/v1/tasks/${task!.id}`)).json<{ version: number }>();
    return { taskId: task!.id, version: String(version) };
  };
/** The shared plan's current version, so each role's edit is based on what it would have loaded. */
const currentPlanVersion = async (_t: TestApp, admin: Agent, f: Fixture): Promise<Setup> => {
  const { version } = (await admin.get(`/api/v1/plans/${f.planId}`)).json<{ version: number }>();
  return { version: String(version) };
};
/** A file the requesting user uploaded and has not attached yet (what POST /plans/{id}/attachments links). */
const ownUpload = async (_t: TestApp, _admin: Agent, _f: Fixture, username: DemoUsername): Promise<Setup> => {
  const response = await agents.get(username)!.post('/api/v1/files', {
    fileName: 'van-ban-ky.pdf',
    mime: 'application/pdf',
    contentBase64: Buffer.from('%PDF-1.4 văn bản').toString('base64'),
  });
  return { fileId: response.json<{ id: string }>().id };
};
const onlyOffice = (status: number) => only({ admin: status, 'tinh.thuongtruc': status });
const healthLead = (status: number) => only({ 'so.yte': status, 'xa.a': 404, 'xa.b': 404 });

/** A fresh Hải Phòng schedule (2026Q3) with Sở Y tế reporting; its report taken to `state` by the two parties. */
const freshHealthReport =
  (state: 'not_started' | 'draft' | 'submitted' | 'accepted' | 'locked') =>
  async (_t: TestApp, _admin: Agent, f: Fixture): Promise<Setup> => {
    const office = agents.get('tinh.thuongtruc')!;
    const health = agents.get('so.yte')!;
    const schedule = await office.post('/api/v1/report-schedules', reportScheduleBody(f));
    const list = await health.get(`/api/v1/reports?scheduleId=${schedule.json<{ id: string }>().id}`);
    const reportId = list.json<{ items: { id: string }[] }>().items[0]!.id;
    let version = 1;
    if (state !== 'not_started') {
      const saved = await health.request('PUT', `/api/v1/reports/${reportId}/content`, { version, content: { tables: {} } });
      version = saved.json<{ version: number }>().version;
    }
    if (state === 'submitted' || state === 'accepted' || state === 'locked') {
      version = (await health.post(`/api/v1/reports/${reportId}/submit`, { version })).json<{ version: number }>().version;
    }
    if (state === 'accepted' || state === 'locked') await office.post(`/api/v1/reports/${reportId}/accept`, {});
    if (state === 'locked') await office.post(`/api/v1/reports/${reportId}/lock`);
    return { reportId, version: String(version) };
  };
const freshTemplate = async (_t: TestApp, admin: Agent): Promise<Setup> => {
  const response = await admin.post('/api/v1/report-templates', {
    code: uniqueName('mt_')
      .toLowerCase()
      .replace(/[^a-z0-9_]/g, '_')
      .slice(0, 40),
    name: 'Mẫu ma trận',
    definition: templateDefinition,
  });
  return { templateId: response.json<{ id: string }>().id };
};
const templateDefinition = {
  sections: [{ key: 'general', title: 'Tình hình chung', guidance: null, tables: ['cases'] }],
  tables: [
    {
      key: 'cases',
      title: 'Số vụ',
      unit: 'vụ',
      prefill: null,
      rows: [{ key: 'received', label: 'Tiếp nhận' }],
      columns: [{ key: 'total', label: 'Tổng số' }],
      columnGroups: [],
      rowGroups: [],
      rowLimits: [],
    },
  ],
};
const reportScheduleBody = (f: Fixture) => ({
  name: uniqueName('Lịch ma trận '),
  periodType: 'quarter',
  dueRule: { kind: 'working_days_after_window', days: 3 },
  firstPeriodId: '2026Q3',
  lastPeriodId: '2026Q3',
  orgUnitId: 'VN.31',
  templateId: f.templateId,
  recipientAgencyId: f.standingOfficeAgencyId,
  reporterAgencyIds: [f.provinceAgencyId],
});
/** Report rows: the reviewers (national admin, city office) see a department's report; the court and communes do not. */
const reportReaders = (status: number) => ({ ...all(status), 'xa.a': 404, 'xa.b': 404, toaan: 404 });
/** A reviewer's decision: review:reports is missing for everyone but the two reviewers (403 before anything is read). */
const reviewers = (status: number) => onlyOffice(status);
/** A reporter's write: only Sở Y tế; the reviewers see the report but do not write it (403); others do not see it. */
const reporter = (status: number) => ({ ...all(403), 'so.yte': status, 'xa.a': 404, 'xa.b': 404, toaan: 404 });

const CASES: RouteCase[] = [
  { method: 'GET', route: '/api/health', url: () => '/api/health', expected: all(200) },
  { method: 'GET', route: '/api/v1/auth/me', url: () => '/api/v1/auth/me', expected: all(200) },
  { method: 'GET', route: '/api/v1/users', url: () => '/api/v1/users', expected: only({ admin: 200, 'tinh.thuongtruc': 200 }) },
  {
    method: 'POST',
    route: '/api/v1/users',
    url: () => '/api/v1/users',
    body: () => ({ username: uniqueName('n.'), fullName: 'Người Mới', orgUnitId: 'VN.31', password: 'Người-Mới-2026!' }),
    expected: only({ admin: 201, 'tinh.thuongtruc': 201 }),
  },
  {
    method: 'GET',
    route: '/api/v1/users/{id}',
    url: (f) => `/api/v1/users/${f.adminId}`,
    expected: only({ admin: 200, 'tinh.thuongtruc': 404 }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/users/{id}',
    url: (f) => `/api/v1/users/${f.communeUserId}`,
    body: () => ({ phone: '0912345678' }),
    expected: only({ admin: 200, 'tinh.thuongtruc': 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/users/{id}/password',
    url: (_f, s) => `/api/v1/users/${s.userId}/password`,
    body: () => ({ newPassword: 'Đặt-Lại-2026!' }),
    prepare: freshUser,
    expected: only({ admin: 200, 'tinh.thuongtruc': 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/users/{id}/assignments',
    url: (_f, s) => `/api/v1/users/${s.userId}/assignments`,
    body: (f) => ({ roleId: f.departmentRoleId, orgUnitId: 'VN.31', agencyId: f.provinceAgencyId, scope: 'agency' }),
    prepare: freshUser,
    expected: only({ admin: 201, 'tinh.thuongtruc': 201 }),
  },
  {
    method: 'DELETE',
    route: '/api/v1/users/{id}/assignments/{assignmentId}',
    url: (_f, s) => `/api/v1/users/${s.userId}/assignments/${s.assignmentId}`,
    prepare: freshAssignment,
    expected: only({ admin: 200, 'tinh.thuongtruc': 200 }),
  },
  { method: 'GET', route: '/api/v1/permissions', url: () => '/api/v1/permissions', expected: only({ admin: 200, 'tinh.thuongtruc': 200 }) },
  { method: 'GET', route: '/api/v1/roles', url: () => '/api/v1/roles', expected: only({ admin: 200, 'tinh.thuongtruc': 200 }) },
  {
    method: 'GET',
    route: '/api/v1/roles/{id}',
    url: (f) => `/api/v1/roles/${f.roleId}`,
    expected: only({ admin: 200, 'tinh.thuongtruc': 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/roles',
    url: () => '/api/v1/roles',
    body: () => ({ code: uniqueName('r_').replace(/\./g, '_'), name: 'Vai trò thử', nameEn: 'Test role', permissions: ['read:plans'] }),
    expected: only({ admin: 201 }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/roles/{id}',
    url: (f) => `/api/v1/roles/${f.roleId}`,
    body: () => ({ description: 'Đã sửa' }),
    expected: only({ admin: 200 }),
  },
  { method: 'GET', route: '/api/v1/org-units', url: () => '/api/v1/org-units?q=hai%20phong', expected: all(200) },
  { method: 'GET', route: '/api/v1/org-units/{id}', url: () => '/api/v1/org-units/VN.31', expected: all(200) },
  { method: 'GET', route: '/api/v1/agencies', url: () => '/api/v1/agencies?q=y%20te', expected: all(200) },
  { method: 'GET', route: '/api/v1/agencies/{id}', url: (f) => `/api/v1/agencies/${f.provinceAgencyId}`, expected: all(200) },
  {
    method: 'GET',
    route: '/api/v1/agencies/{id}/history',
    url: (f) => `/api/v1/agencies/${f.provinceAgencyId}/history`,
    expected: all(200),
  },
  {
    method: 'POST',
    route: '/api/v1/agencies',
    url: () => '/api/v1/agencies',
    body: () => ({ code: uniqueName('T31.N'), name: 'Cơ quan mới', type: 'other', orgUnitId: 'VN.31' }),
    expected: only({ admin: 201, 'tinh.thuongtruc': 201 }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/agencies/{id}',
    url: (_f, s) => `/api/v1/agencies/${s.agencyId}`,
    body: () => ({ type: 'media' }),
    prepare: freshAgency,
    expected: only({ admin: 200, 'tinh.thuongtruc': 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/agencies/{id}/rename',
    url: (_f, s) => `/api/v1/agencies/${s.agencyId}/rename`,
    body: () => ({ name: 'Tên mới', effectiveFrom: '2026-01-01' }),
    prepare: freshAgency,
    expected: only({ admin: 200, 'tinh.thuongtruc': 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/agencies/{id}/merge',
    url: (_f, s) => `/api/v1/agencies/${s.agencyId}/merge`,
    body: (f) => ({ successorId: f.successorAgencyId, effectiveFrom: '2026-01-01' }),
    prepare: freshAgency,
    expected: only({ admin: 200, 'tinh.thuongtruc': 200 }),
  },
  { method: 'GET', route: '/api/v1/periods/{id}', url: () => '/api/v1/periods/2026Q1', expected: all(200) },
  { method: 'GET', route: '/api/v1/report-templates', url: () => '/api/v1/report-templates', expected: all(200) },
  { method: 'GET', route: '/api/v1/report-templates/{id}', url: (f) => `/api/v1/report-templates/${f.templateId}`, expected: all(200) },
  {
    method: 'POST',
    route: '/api/v1/report-templates',
    url: () => '/api/v1/report-templates',
    body: () => ({
      code: uniqueName('mt_')
        .toLowerCase()
        .replace(/[^a-z0-9_]/g, '_')
        .slice(0, 40),
      name: 'Mẫu mới',
      definition: templateDefinition,
    }),
    expected: only({ admin: 201 }),
  },
  {
    method: 'POST',
    route: '/api/v1/report-templates/{id}/versions',
    url: (_f, s) => `/api/v1/report-templates/${s.templateId}/versions`,
    body: () => ({ name: 'Mẫu sửa đổi', definition: templateDefinition }),
    prepare: freshTemplate,
    expected: only({ admin: 201 }),
  },
  { method: 'GET', route: '/api/v1/report-schedules', url: () => '/api/v1/report-schedules', expected: all(200) },
  // Sở Y tế reports under the schedule and sees it; the court and communes do not.
  {
    method: 'GET',
    route: '/api/v1/report-schedules/{id}',
    url: (f) => `/api/v1/report-schedules/${f.scheduleId}`,
    expected: reportReaders(200),
  },
  {
    method: 'POST',
    route: '/api/v1/report-schedules',
    url: () => '/api/v1/report-schedules',
    body: (f) => reportScheduleBody(f),
    expected: reviewers(201),
  },
  {
    method: 'PATCH',
    route: '/api/v1/report-schedules/{id}',
    url: (f) => `/api/v1/report-schedules/${f.scheduleId}`,
    body: () => ({ instructions: 'Gửi kèm bản ký số.' }),
    expected: reviewers(200),
  },
  {
    method: 'GET',
    route: '/api/v1/report-schedules/{id}/matrix',
    url: (f) => `/api/v1/report-schedules/${f.scheduleId}/matrix`,
    expected: reviewers(200),
  },
  {
    method: 'POST',
    route: '/api/v1/report-schedules/{id}/periods/{periodId}/consolidate',
    url: (f) => `/api/v1/report-schedules/${f.scheduleId}/periods/2026Q3/consolidate`,
    body: () => ({}),
    expected: reviewers(200),
  },
  {
    method: 'POST',
    route: '/api/v1/report-schedules/{id}/reminders',
    url: (f) => `/api/v1/report-schedules/${f.scheduleId}/reminders`,
    body: () => ({ periodId: '2026Q3' }),
    expected: reviewers(200),
  },
  {
    method: 'GET',
    route: '/api/v1/plans/{id}/report-schedule-proposals',
    url: (f) => `/api/v1/plans/${f.planId}/report-schedule-proposals`,
    expected: reviewers(200),
  },
  { method: 'GET', route: '/api/v1/reports', url: () => '/api/v1/reports?view=mine', expected: all(200) },
  { method: 'GET', route: '/api/v1/reports/{id}', url: (f) => `/api/v1/reports/${f.healthReportId}`, expected: reportReaders(200) },
  {
    method: 'GET',
    route: '/api/v1/reports/{id}/export.docx',
    url: (f) => `/api/v1/reports/${f.healthReportId}/export.docx`,
    expected: reportReaders(200),
  },
  {
    method: 'GET',
    route: '/api/v1/reports/{id}/export.xlsx',
    url: (f) => `/api/v1/reports/${f.healthReportId}/export.xlsx`,
    expected: reportReaders(200),
  },
  {
    method: 'PUT',
    route: '/api/v1/reports/{id}/content',
    url: (_f, s) => `/api/v1/reports/${s.reportId}/content`,
    body: (_f, s) => ({ version: Number(s.version), content: { tables: { tipoffs: { received: { total: 3 } } } } }),
    prepare: freshHealthReport('not_started'),
    expected: reporter(200),
  },
  {
    method: 'POST',
    route: '/api/v1/reports/{id}/submit',
    url: (_f, s) => `/api/v1/reports/${s.reportId}/submit`,
    body: (_f, s) => ({ version: Number(s.version) }),
    prepare: freshHealthReport('draft'),
    expected: reporter(200),
  },
  {
    method: 'POST',
    route: '/api/v1/reports/{id}/return',
    url: (_f, s) => `/api/v1/reports/${s.reportId}/return`,
    body: () => ({ comment: 'Bổ sung số liệu' }),
    prepare: freshHealthReport('submitted'),
    expected: reviewers(200),
  },
  {
    method: 'POST',
    route: '/api/v1/reports/{id}/accept',
    url: (_f, s) => `/api/v1/reports/${s.reportId}/accept`,
    body: () => ({}),
    prepare: freshHealthReport('submitted'),
    expected: reviewers(200),
  },
  {
    method: 'POST',
    route: '/api/v1/reports/{id}/lock',
    url: (_f, s) => `/api/v1/reports/${s.reportId}/lock`,
    prepare: freshHealthReport('accepted'),
    expected: reviewers(200),
  },
  {
    method: 'POST',
    route: '/api/v1/reports/{id}/unlock',
    url: (_f, s) => `/api/v1/reports/${s.reportId}/unlock`,
    body: () => ({ reason: 'Điều chỉnh số liệu' }),
    prepare: freshHealthReport('locked'),
    expected: reviewers(200),
  },
  {
    method: 'POST',
    route: '/api/v1/reports/{id}/deadline',
    url: (_f, s) => `/api/v1/reports/${s.reportId}/deadline`,
    body: () => ({ dueDate: '2030-12-31', reason: 'Chờ xác minh' }),
    prepare: freshHealthReport('not_started'),
    expected: reviewers(200),
  },
  {
    method: 'GET',
    route: '/api/v1/audit-events',
    url: () => '/api/v1/audit-events',
    expected: only({ admin: 200, 'tinh.thuongtruc': 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/audit/verify',
    url: () => '/api/v1/audit/verify',
    expected: only({ admin: 200, 'tinh.thuongtruc': 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/plan-imports',
    url: () => '/api/v1/plan-imports',
    body: () => ({ fileName: 'ke-hoach.txt', text: planText }),
    expected: onlyOffice(201),
  },
  {
    method: 'GET',
    route: '/api/v1/plan-imports/{id}',
    url: (_f, s) => `/api/v1/plan-imports/${s.importId}`,
    prepare: freshImport,
    expected: onlyOffice(200),
  },
  {
    method: 'PATCH',
    route: '/api/v1/plan-imports/{id}',
    url: (_f, s) => `/api/v1/plan-imports/${s.importId}`,
    body: () => ({ document: { number: '09' } }),
    prepare: freshImport,
    expected: onlyOffice(200),
  },
  {
    method: 'POST',
    route: '/api/v1/plan-imports/{id}/confirm',
    url: (_f, s) => `/api/v1/plan-imports/${s.importId}/confirm`,
    prepare: freshImport,
    expected: onlyOffice(201),
  },
  { method: 'GET', route: '/api/v1/plans', url: () => '/api/v1/plans?q=ke%20hoach', expected: all(200) },
  {
    method: 'POST',
    route: '/api/v1/plans',
    url: () => '/api/v1/plans',
    body: () => ({ title: uniqueName('Kế hoạch mới ') }),
    expected: onlyOffice(201),
  },
  // The plan is addressed to Sở Y tế; the court's subtree grant reaches the city's plans; communes' do not.
  {
    method: 'GET',
    route: '/api/v1/plans/{id}',
    url: (f) => `/api/v1/plans/${f.planId}`,
    expected: { ...all(200), 'xa.a': 404, 'xa.b': 404 },
  },
  {
    method: 'GET',
    route: '/api/v1/plans/{id}/export.docx',
    url: (f) => `/api/v1/plans/${f.planId}/export.docx`,
    expected: { ...all(200), 'xa.a': 404, 'xa.b': 404 },
  },
  {
    method: 'GET',
    route: '/api/v1/plans/{id}/tasks.xlsx',
    url: (f) => `/api/v1/plans/${f.planId}/tasks.xlsx`,
    expected: { ...all(200), 'xa.a': 404, 'xa.b': 404 },
  },
  {
    method: 'PATCH',
    route: '/api/v1/plans/{id}',
    url: (f) => `/api/v1/plans/${f.planId}`,
    body: (_f, s) => ({ place: 'Hải Phòng', version: Number(s.version) }),
    prepare: currentPlanVersion,
    expected: onlyOffice(200),
  },
  {
    method: 'POST',
    route: '/api/v1/plans/{id}/issue',
    url: (_f, s) => `/api/v1/plans/${s.planId}/issue`,
    prepare: freshDraftPlan,
    expected: onlyOffice(200),
  },
  {
    method: 'POST',
    route: '/api/v1/plans/{id}/attachments',
    url: (f) => `/api/v1/plans/${f.planId}/attachments`,
    body: (_f, s) => ({ fileIds: [s.fileId] }),
    prepare: ownUpload,
    expected: onlyOffice(200),
  },
  {
    method: 'POST',
    route: '/api/v1/plans/{id}/tasks',
    url: (f) => `/api/v1/plans/${f.planId}/tasks`,
    body: (f) => ({ content: 'Nhiệm vụ bổ sung', leadAgencyId: f.provinceAgencyId, deadline: '2026-12-31' }),
    expected: onlyOffice(201),
  },
  // Sở Y tế leads the task and the court's subtree grant sees it: neither may correct it (403); communes do not see it.
  {
    method: 'PATCH',
    route: '/api/v1/tasks/{id}',
    url: (_f, s) => `/api/v1/tasks/${s.taskId}`,
    body: (_f, s) => ({ deadline: '2026-03-31', reason: 'Gia hạn', version: Number(s.version) }),
    prepare: freshHealthTask('in_progress'),
    expected: { ...onlyOffice(200), 'xa.a': 404, 'xa.b': 404 },
  },
  { method: 'GET', route: '/api/v1/tasks', url: () => '/api/v1/tasks?mine=true', expected: all(200) },
  {
    method: 'GET',
    route: '/api/v1/tasks/{id}',
    url: (f) => `/api/v1/tasks/${f.healthTaskId}`,
    expected: { ...all(200), 'xa.a': 404, 'xa.b': 404 },
  },
  {
    method: 'POST',
    route: '/api/v1/tasks/{id}/progress',
    url: (f) => `/api/v1/tasks/${f.healthTaskId}/progress`,
    body: () => ({ percent: 40, narrative: 'Tiến độ' }),
    expected: healthLead(200),
  },
  {
    method: 'POST',
    route: '/api/v1/tasks/{id}/contributions',
    url: (f) => `/api/v1/tasks/${f.coordinatedTaskId}/contributions`,
    body: () => ({ narrative: 'Phối hợp' }),
    expected: healthLead(200),
  },
  {
    method: 'POST',
    route: '/api/v1/tasks/{id}/submit',
    url: (_f, s) => `/api/v1/tasks/${s.taskId}/submit`,
    body: () => ({}),
    prepare: freshHealthTask('in_progress'),
    expected: healthLead(200),
  },
  {
    method: 'POST',
    route: '/api/v1/tasks/{id}/accept',
    url: (_f, s) => `/api/v1/tasks/${s.taskId}/accept`,
    body: () => ({}),
    prepare: freshHealthTask('submitted'),
    expected: onlyOffice(200),
  },
  {
    method: 'POST',
    route: '/api/v1/tasks/{id}/return',
    url: (_f, s) => `/api/v1/tasks/${s.taskId}/return`,
    body: () => ({ comment: 'Bổ sung' }),
    prepare: freshHealthTask('submitted'),
    expected: onlyOffice(200),
  },
  {
    method: 'POST',
    route: '/api/v1/tasks/{id}/cancel',
    url: (_f, s) => `/api/v1/tasks/${s.taskId}/cancel`,
    body: () => ({ comment: 'Không còn phù hợp' }),
    prepare: freshHealthTask('not_started'),
    expected: onlyOffice(200),
  },
  {
    method: 'POST',
    route: '/api/v1/tasks/{id}/chase',
    url: (f) => `/api/v1/tasks/${f.healthTaskId}/chase`,
    body: () => ({ message: 'Đề nghị khẩn trương' }),
    expected: onlyOffice(200),
  },
  {
    method: 'POST',
    route: '/api/v1/files',
    url: () => '/api/v1/files',
    body: () => ({ fileName: 'minh-chung.txt', mime: 'text/plain', contentBase64: Buffer.from('minh chứng').toString('base64') }),
    expected: all(201),
  },
  {
    method: 'GET',
    route: '/api/v1/files/{id}',
    url: (f) => `/api/v1/files/${f.fileId}`,
    expected: { ...all(200), 'xa.a': 404, 'xa.b': 404 },
  },
  { method: 'GET', route: '/api/v1/notifications', url: () => '/api/v1/notifications', expected: all(200) },
  {
    method: 'POST',
    route: '/api/v1/notifications/{id}/read',
    url: (f) => `/api/v1/notifications/${f.notificationId}/read`,
    expected: { ...all(404), 'so.yte': 200 },
  },
  {
    method: 'POST',
    route: '/api/v1/notifications/digest/run',
    url: () => '/api/v1/notifications/digest/run',
    body: () => ({}),
    expected: onlyOffice(200),
  },
  // ── Victims (issue 5): a fresh file of commune A per role, received by xa.a; Sở Y tế (f.provinceAgencyId)
  // reaches it only through a referral; the court holds no victim or support permission.
  ...((): RouteCase[] => {
    const file =
      (options: Parameters<typeof matrixVictimFile>[1] = {}) =>
      () =>
        matrixVictimFile(agents.get('xa.a')!, options);
    const referred = (accepted: boolean) => async (_t: TestApp, _admin: Agent, f: Fixture) =>
      matrixVictimFile(agents.get('xa.a')!, { referTo: f.provinceAgencyId, ...(accepted ? { receiver: agents.get('so.yte')! } : {}) });
    const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const yesterday = () => new Date(Date.now() + 7 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
    const owners = (status: number, others: Partial<Expected> = {}): Expected => ({
      admin: status,
      'tinh.thuongtruc': status,
      'so.yte': 404,
      'xa.a': status,
      'xa.b': 404,
      toaan: 403,
      ...others,
    });
    const receiverOnly = (status: number): Expected => ({ ...all(403), 'so.yte': status, 'xa.b': 404 });
    return [
      {
        method: 'POST',
        route: '/api/v1/victim-files',
        url: () => '/api/v1/victim-files',
        body: () =>
          womanWithChild({ receivedOn: today(), homeOrgUnitId: agents.get('xa.a')!.me!.user.orgUnitId, confirmNotDuplicate: true }),
        expected: { ...all(201), 'so.yte': 403, toaan: 403 },
      },
      { method: 'GET', route: '/api/v1/victim-files', url: () => '/api/v1/victim-files?q=nguyen', expected: { ...all(200), toaan: 403 } },
      {
        method: 'GET',
        route: '/api/v1/victim-files/{id}',
        url: (_f, s) => `/api/v1/victim-files/${s.fileId}`,
        prepare: file(),
        expected: owners(200),
      },
      {
        method: 'POST',
        route: '/api/v1/victim-files/{id}/reveal',
        url: (_f, s) => `/api/v1/victim-files/${s.fileId}/reveal`,
        body: () => ({ reason: 'Kiểm tra quyền xem nhân thân', fields: ['fullName', 'citizenId'] }),
        prepare: file(),
        expected: owners(200, { 'so.yte': 403 }),
      },
      {
        method: 'POST',
        route: '/api/v1/victim-persons/{id}/identification',
        url: (_f, s) => `/api/v1/victim-persons/${s.personId}/identification`,
        body: () => ({ transition: 'start_verification' }),
        prepare: file(),
        expected: owners(200, { 'so.yte': 403 }),
      },
      {
        method: 'POST',
        route: '/api/v1/victim-persons/{id}/exploitation',
        url: (_f, s) => `/api/v1/victim-persons/${s.personId}/exploitation`,
        body: () => ({ forms: ['forced_labour'], destinationCountry: 'MY' }),
        prepare: file(),
        expected: owners(200, { 'so.yte': 403 }),
      },
      {
        method: 'POST',
        route: '/api/v1/victim-files/{id}/consents',
        url: (_f, s) => `/api/v1/victim-files/${s.fileId}/consents`,
        body: (_f, s) => ({ personId: s.personId, purpose: 'referral', givenBy: 'person', givenOn: today() }),
        prepare: file(),
        expected: owners(201),
      },
      {
        method: 'POST',
        route: '/api/v1/victim-consents/{id}/withdraw',
        url: (_f, s) => `/api/v1/victim-consents/${s.consentId}/withdraw`,
        body: () => ({ reason: 'Không đồng ý nữa' }),
        prepare: file({ consent: true }),
        expected: owners(200),
      },
      {
        method: 'POST',
        route: '/api/v1/victim-files/{id}/referrals',
        url: (_f, s) => `/api/v1/victim-files/${s.fileId}/referrals`,
        body: (f, s) => ({ personId: s.personId, receivingAgencyId: f.provinceAgencyId, reason: 'Khám sức khỏe', legalBasis: 'Khẩn cấp' }),
        prepare: file(),
        expected: owners(201),
      },
      {
        method: 'GET',
        route: '/api/v1/victim-referrals',
        url: () => '/api/v1/victim-referrals?view=incoming',
        expected: { ...all(200), toaan: 403 },
      },
      {
        method: 'POST',
        route: '/api/v1/victim-referrals/{id}/accept',
        url: (_f, s) => `/api/v1/victim-referrals/${s.referralId}/accept`,
        prepare: referred(false),
        expected: receiverOnly(200),
      },
      {
        method: 'POST',
        route: '/api/v1/victim-referrals/{id}/decline',
        url: (_f, s) => `/api/v1/victim-referrals/${s.referralId}/decline`,
        body: () => ({ reason: 'Không đủ điều kiện tiếp nhận' }),
        prepare: referred(false),
        expected: receiverOnly(200),
      },
      {
        method: 'POST',
        route: '/api/v1/victim-referrals/{id}/complete',
        url: (_f, s) => `/api/v1/victim-referrals/${s.referralId}/complete`,
        prepare: referred(true),
        expected: receiverOnly(200),
      },
      {
        method: 'POST',
        route: '/api/v1/victim-referrals/{id}/cancel',
        url: (_f, s) => `/api/v1/victim-referrals/${s.referralId}/cancel`,
        body: () => ({ reason: 'Đã hỗ trợ tại chỗ' }),
        prepare: referred(false),
        expected: owners(200, { 'so.yte': 403 }),
      },
      {
        method: 'POST',
        route: '/api/v1/victim-files/{id}/support-services',
        url: (_f, s) => `/api/v1/victim-files/${s.fileId}/support-services`,
        body: (_f, s) => ({ personId: s.personId, type: 'essential_needs', status: 'completed', startedOn: today(), amountVnd: 500_000 }),
        prepare: file(),
        expected: owners(201),
      },
      {
        method: 'PATCH',
        route: '/api/v1/victim-support-services/{id}',
        url: (_f, s) => `/api/v1/victim-support-services/${s.supportId}`,
        body: () => ({ status: 'in_progress', startedOn: today() }),
        prepare: file({ support: true }),
        expected: owners(200),
      },
      {
        method: 'GET',
        route: '/api/v1/victim-support-rates',
        url: () => '/api/v1/victim-support-rates',
        expected: { ...all(200), toaan: 403 },
      },
      {
        method: 'POST',
        route: '/api/v1/victim-support-rates',
        url: () => '/api/v1/victim-support-rates',
        body: () => ({
          orgUnitId: 'VN.31',
          type: 'travel',
          amountVnd: 200_000,
          validFrom: '2025-07-01',
          legalBasis: 'Quyết định của UBND thành phố',
        }),
        expected: { ...all(403), admin: 201, 'tinh.thuongtruc': 201 },
      },
      {
        method: 'POST',
        route: '/api/v1/victim-files/{id}/follow-ups',
        url: (_f, s) => `/api/v1/victim-files/${s.fileId}/follow-ups`,
        body: () => ({ visitedOn: today(), situation: 'stable', notes: 'Đã ổn định cuộc sống' }),
        prepare: file(),
        expected: owners(201),
      },
      {
        method: 'POST',
        route: '/api/v1/victim-files/{id}/statements',
        url: (_f, s) => `/api/v1/victim-files/${s.fileId}/statements`,
        body: () => ({ takenOn: today(), content: 'Lời khai ma trận' }),
        prepare: file(),
        expected: owners(201, { 'so.yte': 403 }),
      },
      {
        method: 'POST',
        route: '/api/v1/victim-files/{id}/protection-assessments',
        url: (_f, s) => `/api/v1/victim-files/${s.fileId}/protection-assessments`,
        body: () => ({ assessedOn: today(), riskLevel: 'medium', measures: ['confidentiality'], details: 'Ở nhà người thân' }),
        prepare: file(),
        expected: owners(201, { 'so.yte': 403 }),
      },
      {
        method: 'POST',
        route: '/api/v1/victim-files/{id}/threats',
        url: (_f, s) => `/api/v1/victim-files/${s.fileId}/threats`,
        body: () => ({ reportedOn: today(), description: 'Bị gọi điện đe dọa' }),
        prepare: file(),
        expected: owners(201, { 'so.yte': 403 }),
      },
      { method: 'GET', route: '/api/v1/victim-facilities', url: () => '/api/v1/victim-facilities', expected: { ...all(200), toaan: 403 } },
      {
        method: 'POST',
        route: '/api/v1/victim-facilities',
        url: () => '/api/v1/victim-facilities',
        body: () => ({ name: 'Nhà tạm lánh ma trận', capacity: 4 }),
        expected: { ...all(201), toaan: 403 },
      },
      {
        method: 'POST',
        route: '/api/v1/victim-files/{id}/stays',
        url: (_f, s) => `/api/v1/victim-files/${s.fileId}/stays`,
        body: (_f, s) => ({ personId: s.personId, facilityId: s.facilityId, admittedOn: today() }),
        prepare: file({ facility: true }),
        expected: owners(201),
      },
      {
        method: 'POST',
        route: '/api/v1/victim-stays/{id}/discharge',
        url: (_f, s) => `/api/v1/victim-stays/${s.stayId}/discharge`,
        body: () => ({}),
        prepare: file({ stay: true }),
        expected: owners(200),
      },
      // ── Corrections, closing, confidentiality, repatriation, documents, exports, settings ──
      {
        method: 'PATCH',
        route: '/api/v1/victim-persons/{id}',
        url: (_f, s) => `/api/v1/victim-persons/${s.personId}`,
        body: () => ({
          person: {
            fullName: 'Nguyễn Thị Đính Chính',
            sex: 'female',
            dateOfBirth: '1998-03-14',
            homeOrgUnitId: agents.get('xa.a')!.me!.user.orgUnitId,
          },
          reason: 'Đính chính theo căn cước công dân',
          version: 1,
        }),
        prepare: file(),
        expected: owners(200, { 'so.yte': 403 }),
      },
      {
        method: 'PATCH',
        route: '/api/v1/victim-files/{id}/reception',
        url: (_f, s) => `/api/v1/victim-files/${s.fileId}/reception`,
        body: () => ({ reception: { receivedOn: yesterday(), way: 'rescued' }, reason: 'Đính chính theo biên bản', version: 1 }),
        prepare: file(),
        expected: owners(200, { 'so.yte': 403 }),
      },
      {
        method: 'POST',
        route: '/api/v1/victim-files/{id}/close',
        url: (_f, s) => `/api/v1/victim-files/${s.fileId}/close`,
        body: () => ({ closedOn: today(), reason: 'reintegrated' }),
        prepare: file(),
        expected: owners(200, { 'so.yte': 403 }),
      },
      {
        method: 'POST',
        route: '/api/v1/victim-files/{id}/reopen',
        url: (_f, s) => `/api/v1/victim-files/${s.fileId}/reopen`,
        body: () => ({ reason: 'Nạn nhân cần hỗ trợ thêm' }),
        prepare: file({ closed: true }),
        expected: owners(200, { 'so.yte': 403 }),
      },
      {
        method: 'PUT',
        route: '/api/v1/victim-files/{id}/confidentiality',
        url: (_f, s) => `/api/v1/victim-files/${s.fileId}/confidentiality`,
        body: () => ({ flags: ['no_media'], reason: 'Nạn nhân đề nghị giữ kín' }),
        prepare: file(),
        expected: owners(200, { 'so.yte': 403 }),
      },
      {
        method: 'POST',
        route: '/api/v1/victim-files/{id}/repatriations',
        url: (_f, s) => `/api/v1/victim-files/${s.fileId}/repatriations`,
        body: (_f, s) => ({ personId: s.personId, mission: 'Đại sứ quán Campuchia' }),
        prepare: file({ foreigner: true }),
        expected: owners(201),
      },
      {
        method: 'PATCH',
        route: '/api/v1/victim-repatriations/{id}',
        url: (_f, s) => `/api/v1/victim-repatriations/${s.repatriationId}`,
        body: () => ({ status: 'mission_contacted', missionContactedOn: today() }),
        prepare: file({ repatriation: true }),
        expected: owners(200),
      },
      {
        method: 'POST',
        route: '/api/v1/victim-files/{id}/attachments',
        url: (_f, s) => `/api/v1/victim-files/${s.fileId}/attachments`,
        body: () => ({ kind: 'evidence', fileName: 'bien-ban.pdf', contentBase64: pdfBytes('Bien ban').toString('base64') }),
        prepare: file(),
        expected: owners(201),
      },
      {
        method: 'GET',
        route: '/api/v1/victim-attachments/{id}',
        url: (_f, s) => `/api/v1/victim-attachments/${s.attachmentId}`,
        prepare: file({ attachment: true }),
        expected: owners(200),
      },
      {
        method: 'GET',
        route: '/api/v1/victim-files/export.xlsx',
        url: () => `/api/v1/victim-files/export.xlsx?receivedFrom=${yesterday()}`,
        expected: { ...all(200), toaan: 403 },
      },
      {
        method: 'POST',
        route: '/api/v1/victim-files/export-identified',
        url: () => '/api/v1/victim-files/export-identified',
        body: () => ({ reason: 'Đối chiếu danh sách với Công an tỉnh', filter: { receivedFrom: yesterday() } }),
        expected: onlyOffice(200),
      },
      {
        method: 'GET',
        route: '/api/v1/victim-deadline-rules',
        url: () => '/api/v1/victim-deadline-rules',
        expected: { ...all(200), toaan: 403 },
      },
      {
        method: 'PUT',
        route: '/api/v1/victim-deadline-rules/{code}',
        url: () => '/api/v1/victim-deadline-rules/referral_response',
        // The default itself, written as an override: the other rows' deadlines do not move.
        body: () => ({ days: 3, kind: 'working', legalReference: 'Quy chế phối hợp chuyển tuyến' }),
        expected: only({ admin: 200 }),
      },
      {
        method: 'DELETE',
        route: '/api/v1/victim-deadline-rules/{code}',
        url: () => '/api/v1/victim-deadline-rules/referral_response',
        prepare: async (_t, admin) => {
          await admin.request('PUT', '/api/v1/victim-deadline-rules/referral_response', {
            days: 3,
            kind: 'working',
            legalReference: 'Quy chế phối hợp chuyển tuyến',
          });
          return {};
        },
        expected: only({ admin: 200 }),
      },
      {
        method: 'POST',
        route: '/api/v1/victim-holidays',
        url: () => '/api/v1/victim-holidays',
        body: () => ({ date: '2031-01-23', name: 'Nghỉ Tết Nguyên đán' }),
        expected: only({ admin: 200 }),
      },
      {
        method: 'DELETE',
        route: '/api/v1/victim-holidays/{date}',
        url: () => '/api/v1/victim-holidays/2031-01-24',
        prepare: async (_t, admin) => {
          await admin.post('/api/v1/victim-holidays', { date: '2031-01-24', name: 'Nghỉ Tết Nguyên đán' });
          return {};
        },
        expected: only({ admin: 200 }),
      },
      {
        method: 'PATCH',
        route: '/api/v1/victim-support-rates/{id}',
        url: (_f, s) => `/api/v1/victim-support-rates/${s.rateId}`,
        body: () => ({ validTo: '2030-12-31' }),
        prepare: async () => {
          const rate = await agents.get('tinh.thuongtruc')!.post('/api/v1/victim-support-rates', {
            orgUnitId: 'VN.31',
            type: 'travel',
            amountVnd: 200_000,
            validFrom: '2025-07-01',
            legalBasis: 'Quyết định của UBND thành phố',
          });
          return { rateId: rate.json<{ id: string }>().id };
        },
        expected: onlyOffice(200),
      },
      {
        method: 'PATCH',
        route: '/api/v1/victim-facilities/{id}',
        url: (_f, s) => `/api/v1/victim-facilities/${s.facilityId}`,
        body: () => ({ capacity: 20 }),
        prepare: file({ facility: true }),
        expected: owners(200),
      },
      {
        method: 'GET',
        route: '/api/v1/victim-statistics',
        // Whole months only (the small-cell rule): January 2025 to the end of this month.
        url: () => `/api/v1/victim-statistics?start=2025-01-01&end=${lastDayOfMonth(today())}`,
        expected: { ...all(200), 'so.yte': 403, toaan: 403 },
      },
    ];
  })(),
];

/** Routes exercised by their own tests (they change the session itself). */
const COVERED_ELSEWHERE = new Set([
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/password',
  'POST /api/v1/auth/second-factor/setup',
  'POST /api/v1/auth/second-factor/enable',
  'POST /api/v1/auth/second-factor/verify',
]);

let t: TestApp;
let fixture: Fixture;
const agents = new Map<DemoUsername, Agent>();

beforeAll(async () => {
  t = await createTestApp();
  for (const username of DEMO_USERNAMES) agents.set(username, await loginAs(t.app, username));
  const db = t.database.db;
  const id = async (table: typeof users | typeof roles | typeof agencies, column: 'username' | 'code', value: string) => {
    const [row] = await db
      .select({ id: table.id })
      .from(table as typeof users)
      .where(eq((table as typeof users)[column as 'username'], value));
    return row!.id;
  };
  fixture = {
    adminId: await id(users, 'username', 'admin'),
    communeUserId: await id(users, 'username', 'xa.b'),
    roleId: await id(roles, 'code', 'department_officer'),
    departmentRoleId: await id(roles, 'code', 'department_officer'),
    provinceAgencyId: await id(agencies, 'code', 'T31.SYT'),
    successorAgencyId: await id(agencies, 'code', 'T31.SNV'),
    planId: '',
    healthTaskId: '',
    coordinatedTaskId: '',
    fileId: '',
    notificationId: '',
    templateId: '',
    standingOfficeAgencyId: await id(agencies, 'code', 'T31.CA'),
    scheduleId: '',
    healthReportId: '',
  };
  const office = agents.get('tinh.thuongtruc')!;
  const health = agents.get('so.yte')!;
  const plan = (
    await office.post('/api/v1/plans', {
      title: uniqueName('Kế hoạch ma trận '),
      tasks: [
        {
          content: 'Khám cho nạn nhân',
          leadAgencyId: fixture.provinceAgencyId,
          requestedAgencyIds: [await id(agencies, 'code', 'T31.TAND')],
          deadline: '2026-01-31',
        },
        {
          content: 'Tuyên truyền trong trường học',
          leadAgencyId: await id(agencies, 'code', 'T31.SGDDT'),
          coordinatingAgencyIds: [fixture.provinceAgencyId],
        },
      ],
    })
  ).json<{ id: string }>();
  await office.post(`/api/v1/plans/${plan.id}/issue`);
  const planTasks = (await office.get(`/api/v1/tasks?planId=${plan.id}`)).json<{ items: { id: string; content: string }[] }>().items;
  fixture.planId = plan.id;
  fixture.healthTaskId = planTasks.find((task) => task.content === 'Khám cho nạn nhân')!.id;
  fixture.coordinatedTaskId = planTasks.find((task) => task.content !== 'Khám cho nạn nhân')!.id;
  fixture.fileId = (
    await health.post('/api/v1/files', {
      fileName: 'bao-cao.txt',
      mime: 'text/plain',
      contentBase64: Buffer.from('báo cáo').toString('base64'),
    })
  ).json<{ id: string }>().id;
  await health.post(`/api/v1/tasks/${fixture.healthTaskId}/progress`, { percent: 10, narrative: 'Bắt đầu', fileIds: [fixture.fileId] });
  await office.post(`/api/v1/tasks/${fixture.healthTaskId}/chase`, { message: 'Đôn đốc' });
  const healthUserId = await id(users, 'username', 'so.yte');
  const [notice] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.recipientUserId, healthUserId), eq(notifications.entityId, fixture.healthTaskId)));
  fixture.notificationId = notice!.id;
  const [template] = await db
    .select({ id: reportTemplates.id })
    .from(reportTemplates)
    .where(and(eq(reportTemplates.code, 'programme_report'), eq(reportTemplates.version, 1)));
  fixture.templateId = template!.id;
  const schedule = await office.post('/api/v1/report-schedules', reportScheduleBody(fixture));
  fixture.scheduleId = schedule.json<{ id: string }>().id;
  const [report] = await db
    .select({ id: reportInstances.id })
    .from(reportInstances)
    .where(eq(reportInstances.scheduleId, fixture.scheduleId));
  fixture.healthReportId = report!.id;
});
afterAll(() => t.close());

describe('permission matrix', () => {
  for (const routeCase of CASES) {
    it.each(DEMO_USERNAMES)(`${routeCase.method} ${routeCase.route} as %s`, async (username) => {
      const setup = routeCase.prepare ? await routeCase.prepare(t, agents.get('admin')!, fixture, username) : {};
      const agent = agents.get(username)!;
      const expected = routeCase.expected[username];
      const before = expected >= 400 ? await databaseFingerprint(t.database.db) : null;
      const body = routeCase.body?.(fixture, setup);
      const response = await agent.request(
        routeCase.method,
        routeCase.url(fixture, setup),
        routeCase.method === 'GET' ? undefined : (body ?? {}),
      );
      expect(response.statusCode, response.body.slice(0, 300)).toBe(expected);
      if (before) {
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(await databaseFingerprint(t.database.db)).toEqual(before);
      }
    });
  }

  it('covers every operation of the API', async () => {
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((method) => ['get', 'post', 'patch', 'put', 'delete'].includes(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    const covered = new Set([...CASES.map((c) => `${c.method} ${c.route}`), ...COVERED_ELSEWHERE]);
    expect(operations.filter((operation) => !covered.has(operation))).toEqual([]);
  });

  it('every operation behind a session declares the permission it needs (one, or any of several), checked before the body is read', async () => {
    const spec = t.app.swagger() as { paths: Record<string, Record<string, { 'x-access'?: string; 'x-permission'?: string[] }>> };
    const undeclared = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method, operation]) => ['get', 'post', 'patch', 'put', 'delete'].includes(method) && operation['x-access'] === 'session')
        .filter(([, operation]) => !operation['x-permission']?.length)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(undeclared).toEqual([]);
  });
});

describe('route contracts', () => {
  /** Every module's contracts: the domain's exports named `…RouteContracts`. */
  const contracts = Object.entries(domain)
    .filter(([name]) => name.endsWith('RouteContracts'))
    .flatMap(([, group]) => Object.values(group as Record<string, RouteContract>));
  /** The published path of a contract: below /api/v1 (health keeps its full path), `{id}` for `:id`. */
  const publishedPath = (contract: RouteContract) =>
    `${contract.path.startsWith('/api/') ? '' : '/api/v1'}${contract.path.replace(/:(\w+)/g, '{$1}')}`;

  it('the published document is the contracts: each operation with its path, permission and the problems it names', async () => {
    type Operation = { summary?: string; description?: string; 'x-permission'?: string[]; 'x-problems'?: string[] };
    const spec = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    expect(contracts.length).toBeGreaterThan(100);
    for (const contract of contracts) {
      const path = publishedPath(contract);
      const operation = spec.paths[path]?.[contract.method.toLowerCase()];
      expect(operation, `${contract.method} ${path}`).toBeDefined();
      expect(operation!.summary).toBe(contract.summary);
      expect(operation!.description).toBe(contract.description);
      expect(operation!['x-permission']).toEqual(contract.permission ? [contract.permission].flat() : undefined);
      expect(operation!['x-problems']).toEqual(contract.problems ? [...contract.problems] : undefined);
    }
    // A problem the contract names is one the operation answers: a second role with a code already taken.
    const admin = await loginAs(t.app, 'admin');
    const [existing] = (await admin.get('/api/v1/roles')).json<{ code: string }[]>();
    const conflict = await admin.post('/api/v1/roles', {
      code: existing!.code,
      name: 'Trùng mã',
      nameEn: 'Same code',
      permissions: ['read:plans'],
    });
    expect(spec.paths['/api/v1/roles']!.post!['x-problems']).toContain(conflict.json<{ code: string }>().code);
  });

  it('every operation of the API comes from exactly one contract: none is registered by hand', async () => {
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const published = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((method) => ['get', 'post', 'patch', 'put', 'delete'].includes(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    const declared = contracts.map((contract) => `${contract.method} ${publishedPath(contract)}`);
    expect(new Set(declared).size).toBe(declared.length);
    expect(published.filter((operation) => !declared.includes(operation))).toEqual([]);
  });
});

describe('public surface', () => {
  it('serves the API documentation without a session, and nothing else of the API', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/roles' })).statusCode).toBe(401);
  });
});

describe('agency search', () => {
  it('finds an agency by the words of its name in any order, without accents', async () => {
    const agent = agents.get('so.yte')!;
    const page = await agent.get(`/api/v1/agencies?q=${encodeURIComponent('so noi vu hai phong')}`);
    expect(page.json<{ items: { code: string }[] }>().items.map((a) => a.code)).toContain('T31.SNV');
  });
});
