import { notifications, outboxEvents, users } from '@atmis/db';
import type { PlanDetail, TaskView } from '@atmis/domain';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, uniqueName, type Agent, type TestApp } from '../../testing/test-app.ts';
import { agencyIds, createSchedule, defaultTemplateId, figures, reportOf, save, submit } from '../reports/report-test-kit.ts';

/**
 * Every hand-over of work tells whoever receives it (through the outbox, delivered before the
 * answer leaves): the lead agency of a task issued, assigned, accepted, returned or chased; the
 * standing office of progress and of a task reported done; the reporting agency of a report returned,
 * accepted, unlocked or extended. Whoever handed over is not told of their own act.
 */
let t: TestApp;
let office: Agent;
let health: Agent;
let ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  office = await loginAs(t.app, 'tinh.thuongtruc');
  health = await loginAs(t.app, 'so.yte');
  ids = await agencyIds(t, ['T31.BCD138']);
});
afterAll(() => t.close());

const iso = (daysFromNow: number) => new Date(t.clock.now.getTime() + 7 * 3_600_000 + daysFromNow * 86_400_000).toISOString().slice(0, 10);

async function userId(username: string) {
  const [user] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return user!.id;
}

/** The kinds of notification `username` holds about `entityId`, oldest first. */
async function kindsFor(username: string, entityId: string) {
  const rows = await t.database.db
    .select({ kind: notifications.kind, title: notifications.title, body: notifications.body, link: notifications.link })
    .from(notifications)
    .where(and(eq(notifications.recipientUserId, await userId(username)), eq(notifications.entityId, entityId)))
    .orderBy(notifications.createdAt, notifications.id);
  return rows;
}

async function unreadOf(agent: Agent) {
  return (await agent.get('/api/v1/notifications')).json<{ unread: number }>().unread;
}

async function draftPlan() {
  const created = await office.post('/api/v1/plans', {
    title: uniqueName('Kế hoạch giao việc '),
    issuerAgencyId: ids['T31.BCD138'],
    periodFrom: iso(1),
    periodTo: iso(300),
    tasks: [
      { content: 'Hỗ trợ y tế cho nạn nhân trở về', leadAgencyId: ids['T31.SYT'], deadline: iso(30) },
      {
        content: 'Tuyên truyền trong trường học',
        leadAgencyId: ids['T31.SGDDT'],
        coordinatingAgencyIds: [ids['T31.SYT']],
        deadline: iso(40),
      },
    ],
  });
  expect(created.statusCode, created.body.slice(0, 300)).toBe(201);
  return created.json<PlanDetail>();
}

async function tasksOf(planId: string) {
  const list = (await office.get(`/api/v1/tasks?planId=${planId}`)).json<{ items: TaskView[] }>();
  return {
    health: list.items.find((task) => task.leadAgencyId === ids['T31.SYT'])!,
    school: list.items.find((task) => task.leadAgencyId === ids['T31.SGDDT'])!,
  };
}

describe('hand-overs of tasks', () => {
  it('a draft tells nobody; issuing the plan tells each lead agency of its task, and the bell of the health department counts it', async () => {
    const plan = await draftPlan();
    const { health: task } = await tasksOf(plan.id);
    expect(await kindsFor('so.yte', task.id)).toEqual([]);
    const unreadBefore = await unreadOf(health);

    expect((await office.post(`/api/v1/plans/${plan.id}/issue`)).statusCode).toBe(200);
    const notices = await kindsFor('so.yte', task.id);
    expect(notices.map((n) => n.kind)).toEqual(['task_issued']);
    expect(notices[0]!.title).toBe('Nhiệm vụ mới được giao: Hỗ trợ y tế cho nạn nhân trở về');
    expect(notices[0]!.body).toContain(plan.title);
    expect(notices[0]!.link).toBe(`/tasks/${task.id}`);
    expect(await unreadOf(health)).toBe(unreadBefore + 1);
    // The standing office issued it: it is not told of its own act.
    expect(await kindsFor('tinh.thuongtruc', task.id)).toEqual([]);
  });

  it('progress and a report of completion go to the standing office; return and acceptance back to the lead', async () => {
    const plan = await draftPlan();
    expect((await office.post(`/api/v1/plans/${plan.id}/issue`)).statusCode).toBe(200);
    const { health: task } = await tasksOf(plan.id);

    expect((await health.post(`/api/v1/tasks/${task.id}/progress`, { percent: 40, narrative: 'Đã khám cho 3 nạn nhân' })).statusCode).toBe(
      200,
    );
    let office138 = await kindsFor('tinh.thuongtruc', task.id);
    expect(office138.map((n) => n.kind)).toEqual(['task_progress']);
    expect(office138[0]!.body).toContain('40%');
    expect(office138[0]!.body).toContain('Đã khám cho 3 nạn nhân');

    expect((await health.post(`/api/v1/tasks/${task.id}/submit`, { narrative: 'Hoàn thành' })).statusCode).toBe(200);
    expect((await office.post(`/api/v1/tasks/${task.id}/return`, { comment: 'Thiếu danh sách nạn nhân được hỗ trợ' })).statusCode).toBe(
      200,
    );
    // A returned task goes on with progress, then is reported done again.
    expect((await health.post(`/api/v1/tasks/${task.id}/progress`, { percent: 90, narrative: 'Đã bổ sung danh sách' })).statusCode).toBe(
      200,
    );
    expect((await health.post(`/api/v1/tasks/${task.id}/submit`, {})).statusCode).toBe(200);
    expect((await office.post(`/api/v1/tasks/${task.id}/accept`, {})).statusCode).toBe(200);

    office138 = await kindsFor('tinh.thuongtruc', task.id);
    expect(office138.map((n) => n.kind)).toEqual(['task_progress', 'task_submitted', 'task_progress', 'task_submitted']);
    const lead = await kindsFor('so.yte', task.id);
    expect(lead.map((n) => n.kind)).toEqual(['task_issued', 'task_returned', 'task_accepted']);
    expect(lead[1]!.body).toContain('Thiếu danh sách nạn nhân được hỗ trợ');
  });

  it('a new lead agency on a task in force is told; a lead set on a draft waits for the issue', async () => {
    const plan = await draftPlan();
    const { school } = await tasksOf(plan.id);
    // On the draft: moving the lead tells nobody yet.
    let edited = await office.patch(`/api/v1/tasks/${school.id}`, { version: school.version, leadAgencyId: ids['T31.CA'] });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await t.database.db.select().from(notifications).where(eq(notifications.entityId, school.id))).length).toBe(0);

    expect((await office.post(`/api/v1/plans/${plan.id}/issue`)).statusCode).toBe(200);
    const current = (await office.get(`/api/v1/tasks/${school.id}`)).json<TaskView>();
    edited = await office.patch(`/api/v1/tasks/${school.id}`, { version: current.version, leadAgencyId: ids['T31.SYT'] });
    expect(edited.statusCode, edited.body).toBe(200);
    const notices = await kindsFor('so.yte', school.id);
    expect(notices.map((n) => n.kind)).toEqual(['task_assigned']);
    expect(notices[0]!.title).toBe('Nhiệm vụ được giao chủ trì: Tuyên truyền trong trường học');

    // A task added to a plan in force is handed over at once.
    const added = await office.post(`/api/v1/plans/${plan.id}/tasks`, { content: 'Rà soát hồ sơ nạn nhân', leadAgencyId: ids['T31.SYT'] });
    expect(added.statusCode, added.body).toBe(201);
    expect((await kindsFor('so.yte', added.json<{ id: string }>().id)).map((n) => n.kind)).toEqual(['task_assigned']);
  });

  it('an event delivered again (a retry after a crash) notifies nobody twice', async () => {
    const plan = await draftPlan();
    expect((await office.post(`/api/v1/plans/${plan.id}/issue`)).statusCode).toBe(200);
    const { health: task } = await tasksOf(plan.id);
    const [event] = await t.database.db
      .select({ id: outboxEvents.id, processedAt: outboxEvents.processedAt })
      .from(outboxEvents)
      .where(and(eq(outboxEvents.type, 'plan.issued'), eq(outboxEvents.aggregateId, plan.id)));
    expect(event!.processedAt).not.toBeNull();
    await t.database.db.update(outboxEvents).set({ processedAt: null }).where(eq(outboxEvents.id, event!.id));
    await t.app.outbox.dispatchPending();
    expect((await kindsFor('so.yte', task.id)).map((n) => n.kind)).toEqual(['task_issued']);
    const [again] = await t.database.db
      .select({ processedAt: outboxEvents.processedAt })
      .from(outboxEvents)
      .where(eq(outboxEvents.id, event!.id));
    expect(again!.processedAt).not.toBeNull();
  });
});

describe('hand-overs of reports', () => {
  it('acceptance, unlocking and a deadline extension are told to the reporting agency', async () => {
    t.clock.now = new Date('2026-10-05T02:00:00Z');
    const schedule = await createSchedule(office, {
      templateId: await defaultTemplateId(t),
      recipientAgencyId: ids['T31.CA']!,
      reporterAgencyIds: [ids['T31.SYT']!],
    });
    const report = await reportOf(health, schedule.id, ids['T31.SYT']!, '2026Q3');
    // Still awaiting submission: the reviewer extends the deadline.
    const extended = await office.post(`/api/v1/reports/${report.id}/deadline`, {
      dueDate: '2026-10-20',
      reason: 'Đơn vị đề nghị lùi hạn',
    });
    expect(extended.statusCode, extended.body).toBe(200);
    await submit(health, await save(health, extended.json<{ id: string; version: number }>(), figures(1)));
    expect((await office.post(`/api/v1/reports/${report.id}/accept`, {})).statusCode).toBe(200);
    const notices = await kindsFor('so.yte', report.id);
    expect(notices.map((n) => n.kind)).toEqual(['report_extend', 'report_accept']);
    expect(notices[0]!.body).toContain('đến 20/10/2026');
    expect(notices[0]!.body).toContain('Đơn vị đề nghị lùi hạn');
    // The reporting department submitted: it is not told of its own submission.
    expect(notices.some((n) => n.kind === 'report_submit')).toBe(false);
    expect(
      await t.database.db.$count(
        outboxEvents,
        sql`${outboxEvents.aggregateId} = ${report.id}::uuid and ${outboxEvents.processedAt} is null`,
      ),
    ).toBe(0);
  });
});
