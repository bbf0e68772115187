import { agencies, auditEvents } from '@atmis/db';
import type { PlanDetail, TaskDetail, TaskView } from '@atmis/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../testing/database-fingerprint.ts';
import { createTestApp, loginAs, uniqueName, type Agent, type TestApp } from '../../testing/test-app.ts';

// Optimistic concurrency on plans and tasks (runCommand): two officials editing the same record from
// the same version — exactly one edit is saved, the other is told who won when, nothing is lost silently.

let t: TestApp;
let office: Agent;
let health: Agent;
const agencyIds: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  office = await loginAs(t.app, 'tinh.thuongtruc');
  health = await loginAs(t.app, 'so.yte');
  const rows = await t.database.db
    .select({ id: agencies.id, code: agencies.code })
    .from(agencies)
    .where(inArray(agencies.code, ['T31.SYT', 'T31.SNV', 'T31.BCD138']));
  for (const row of rows) agencyIds[row.code] = row.id;
});
afterAll(() => t.close());

async function issuedPlan() {
  const created = await office.post('/api/v1/plans', {
    title: uniqueName('Kế hoạch phiên bản '),
    issuerAgencyId: agencyIds['T31.BCD138'],
    tasks: [{ content: 'Khám, chữa bệnh cho nạn nhân trở về', leadAgencyId: agencyIds['T31.SYT'] }],
  });
  expect(created.statusCode, created.body.slice(0, 300)).toBe(201);
  const plan = created.json<PlanDetail>();
  expect(plan.version).toBe(1);
  expect((await office.post(`/api/v1/plans/${plan.id}/issue`)).statusCode).toBe(200);
  const [task] = (await office.get(`/api/v1/tasks?planId=${plan.id}`)).json<{ items: TaskView[] }>().items;
  return { plan: (await office.get(`/api/v1/plans/${plan.id}`)).json<PlanDetail>(), task: task! };
}

async function audited(action: string, entityId: string) {
  return (
    await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)))
  ).length;
}

type Problem = { code: string; title: string; currentVersion: number };

describe('two simultaneous edits from the same version', () => {
  it('a task: one is saved (200), the other is a 409 task.stale with the current version; the first edit is kept', async () => {
    const { task } = await issuedPlan();
    expect(task.version).toBe(1);
    const [a, b] = await Promise.all([
      office.patch(`/api/v1/tasks/${task.id}`, { version: task.version, content: 'Bản sửa A' }),
      office.patch(`/api/v1/tasks/${task.id}`, { version: task.version, content: 'Bản sửa B' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a];
    const saved = won.json<TaskDetail>();
    expect(saved.version).toBe(2);
    expect(lost.headers['content-type']).toContain('application/problem+json');
    const problem = lost.json<Problem>();
    expect(problem.code).toBe('task.stale');
    expect(problem.currentVersion).toBe(2);
    expect(problem.title).toMatch(/^Nhiệm vụ đã được cập nhật lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4} \(phiên bản 2\)/);
    // The saved edit is the one on record; only it was audited.
    expect((await office.get(`/api/v1/tasks/${task.id}`)).json<TaskDetail>().content).toBe(saved.content);
    expect(await audited('task.updated', task.id)).toBe(1);

    // The loser's form resent as it was: still stale, nothing written.
    const before = await databaseFingerprint(t.database.db);
    expect((await office.patch(`/api/v1/tasks/${task.id}`, { version: 1, content: 'Bản sửa cũ' })).statusCode).toBe(409);
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
    // With the current version it goes through.
    expect((await office.patch(`/api/v1/tasks/${task.id}`, { version: 2, content: 'Bản sửa C' })).json<TaskDetail>().version).toBe(3);
    // Progress reported by the lead moves the version on: a form opened before it is stale.
    expect((await health.post(`/api/v1/tasks/${task.id}/progress`, { percent: 40, narrative: 'Đã khám 12 người' })).statusCode).toBe(200);
    const afterProgress = await office.patch(`/api/v1/tasks/${task.id}`, { version: 3, content: 'Bản sửa D' });
    expect(afterProgress.statusCode).toBe(409);
    expect(afterProgress.json<Problem>().currentVersion).toBe(4);
  });

  it('a task edit without a version is refused (400): no blind overwrite', async () => {
    const { task } = await issuedPlan();
    expect((await office.patch(`/api/v1/tasks/${task.id}`, { content: 'Không phiên bản' })).statusCode).toBe(400);
  });

  it('a plan: one is saved (200), the other is a 409 plan.stale with the current version', async () => {
    const { plan } = await issuedPlan();
    // Issuing moved it on from the version it was created with.
    expect(plan.version).toBe(2);
    const [a, b] = await Promise.all([
      office.patch(`/api/v1/plans/${plan.id}`, { version: plan.version, place: 'Hải Phòng' }),
      office.patch(`/api/v1/plans/${plan.id}`, { version: plan.version, place: 'Thủy Nguyên' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a];
    expect(won.json<PlanDetail>().version).toBe(3);
    const problem = lost.json<Problem>();
    expect(problem.code).toBe('plan.stale');
    expect(problem.currentVersion).toBe(3);
    expect(problem.title).toMatch(/^Kế hoạch đã được cập nhật lúc .* \(phiên bản 3\)/);
    expect((await office.get(`/api/v1/plans/${plan.id}`)).json<PlanDetail>().place).toBe(won.json<PlanDetail>().place);
    expect(await audited('plan.updated', plan.id)).toBe(1);
    expect((await office.patch(`/api/v1/plans/${plan.id}`, { place: 'Không phiên bản' })).statusCode).toBe(400);
  });
});
