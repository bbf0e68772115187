import { readFileSync } from 'node:fs';
import { agencies, notifications, roles, users } from '@atmis/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../testing/database-fingerprint.ts';
import { createTestApp, DEMO_USERNAMES, loginAs, uniqueName, type Agent, type DemoUsername, type TestApp } from '../../testing/test-app.ts';

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
}

interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
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
    return { taskId: task!.id };
  };
/** A file the requesting user uploaded and has not attached yet (what POST /plans/{id}/attachments links). */
const ownUpload = async (_t: TestApp, _admin: Agent, _f: Fixture, username: DemoUsername): Promise<Setup> => {
  const response = await agents.get(username)!.post('/api/v1/files', {
    fileName: 'van-ban-ky.pdf',
    mime: 'application/pdf',
    contentBase64: Buffer.from('%PDF văn bản').toString('base64'),
  });
  return { fileId: response.json<{ id: string }>().id };
};
const onlyOffice = (status: number) => only({ admin: status, 'tinh.thuongtruc': status });
const healthLead = (status: number) => only({ 'so.yte': status, 'xa.a': 404, 'xa.b': 404 });

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
    body: () => ({ place: 'Hải Phòng' }),
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
    body: () => ({ deadline: '2026-03-31', reason: 'Gia hạn' }),
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
