import { tmpdir } from 'node:os';
import path from 'node:path';
import { agencies, auditEvents, migrateDatabase, notifications, tasks, users } from '@atmis/db';
import { backupDatabase, restoreDatabase } from '@atmis/db/backup';
import {
  matchesScope,
  scopeFilterFor,
  type Actor,
  type FileView,
  type NotificationView,
  type PlanDetail,
  type TaskDetail,
  type TaskView,
} from '@atmis/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../testing/database-fingerprint.ts';
import { createFreshDatabase } from '../../testing/fresh-database.ts';
import { createTestApp, DEMO_USERNAMES, loginAs, uniqueName, type Agent, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let office: Agent;
let health: Agent;
let court: Agent;
const agencyIds: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  office = await loginAs(t.app, 'tinh.thuongtruc');
  health = await loginAs(t.app, 'so.yte');
  court = await loginAs(t.app, 'toaan');
  const rows = await t.database.db
    .select({ id: agencies.id, code: agencies.code })
    .from(agencies)
    .where(inArray(agencies.code, ['T31.CA', 'T31.SYT', 'T31.SNV', 'T31.VKS', 'T31.TAND', 'T31.SGDDT', 'T31.BCD138']));
  for (const row of rows) agencyIds[row.code] = row.id;
});
afterAll(() => t.close());

const page = <T>(response: { json: <U>() => U }) => response.json<{ items: T[]; total: number }>();
const iso = (daysFromNow: number) => new Date(t.clock.now.getTime() + 7 * 3_600_000 + daysFromNow * 86_400_000).toISOString().slice(0, 10);

async function taskVersion(id: string) {
  return (await office.get(`/api/v1/tasks/${id}`)).json<TaskDetail>().version;
}

/** An issued plan of Hải Phòng with four tasks: health leads one (overdue), coordinates one, education leads one, the court is requested. */
async function issuedPlan() {
  const created = await office.post('/api/v1/plans', {
    title: uniqueName('Kế hoạch nhiệm vụ '),
    issuerAgencyId: agencyIds['T31.BCD138'],
    // A period starting after the due-soon window: the quarterly task's occurrences are all ahead.
    periodFrom: iso(10),
    periodTo: iso(375),
    tasks: [
      {
        content: 'Khám, chữa bệnh cho nạn nhân bị mua bán trở về',
        leadAgencyId: agencyIds['T31.SYT'],
        coordinatingAgencyIds: [agencyIds['T31.SNV']],
        deadline: iso(-3),
      },
      {
        content: 'Tuyên truyền phòng, chống mua bán người trong trường học',
        leadAgencyId: agencyIds['T31.SGDDT'],
        coordinatingAgencyIds: [agencyIds['T31.SYT']],
        deadline: iso(5),
      },
      {
        content: 'Xét xử lưu động các vụ án mua bán người',
        leadAgencyId: agencyIds['T31.TAND'],
        requestedAgencyIds: [agencyIds['T31.VKS']],
        recurrence: 'quarterly',
      },
      { content: 'Tổng hợp, báo cáo kết quả thực hiện kế hoạch', leadAgencyId: agencyIds['T31.CA'], deadline: iso(60) },
    ],
  });
  expect(created.statusCode, created.body.slice(0, 300)).toBe(201);
  const plan = created.json<PlanDetail>();
  expect((await office.post(`/api/v1/plans/${plan.id}/issue`)).statusCode).toBe(200);
  const list = page<TaskView>(await office.get(`/api/v1/tasks?planId=${plan.id}`));
  const byLead = (code: string) => list.items.find((task) => task.leadAgencyId === agencyIds[code])!;
  return { plan, list, health: byLead('T31.SYT'), education: byLead('T31.SGDDT'), court: byLead('T31.TAND'), police: byLead('T31.CA') };
}

async function audited(action: string, entityId: string) {
  return (
    await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)))
  ).length;
}

describe('who sees which task', () => {
  it('the standing office sees every task of the plan; the health department only those addressed to it', async () => {
    const { plan, list } = await issuedPlan();
    expect(list.total).toBe(4);
    const seen = page<TaskView>(await health.get(`/api/v1/tasks?planId=${plan.id}`));
    expect(seen.items.map((task) => task.content).sort()).toEqual([
      'Khám, chữa bệnh cho nạn nhân bị mua bán trở về',
      'Tuyên truyền phòng, chống mua bán người trong trường học',
    ]);
    for (const task of seen.items) expect(task.agencies.some((a) => a.agencyId === agencyIds['T31.SYT'])).toBe(true);
    const inbox = page<TaskView>(await health.get('/api/v1/tasks?mine=true&limit=100'));
    expect(inbox.items.every((task) => task.agencies.some((a) => a.agencyId === agencyIds['T31.SYT']))).toBe(true);
  });

  it('the health department gets 404 on another agency’s task and cannot act on it; the policy says what each may do', async () => {
    const { health: own, education, court: trial, police } = await issuedPlan();
    expect((await health.get(`/api/v1/tasks/${police.id}`)).statusCode).toBe(404);
    const before = await databaseFingerprint(t.database.db);
    expect((await health.post(`/api/v1/tasks/${police.id}/progress`, { percent: 10, narrative: 'Thử' })).statusCode).toBe(404);
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
    expect((await health.get(`/api/v1/tasks/${own.id}`)).json<TaskDetail>().allowedActions).toEqual(['view', 'progress']);
    expect((await health.get(`/api/v1/tasks/${education.id}`)).json<TaskDetail>().allowedActions).toEqual(['view', 'contribute']);
    expect((await office.get(`/api/v1/tasks/${own.id}`)).json<TaskDetail>().allowedActions).toEqual(['view', 'cancel', 'chase', 'edit']);
    expect((await office.get(`/api/v1/tasks/${police.id}`)).json<TaskDetail>().allowedActions).toEqual([
      'view',
      'progress',
      'cancel',
      'chase',
      'edit',
    ]);
    // The coordinating department may not report the lead's progress: 403, nothing written.
    expect((await health.post(`/api/v1/tasks/${education.id}/progress`, { percent: 10, narrative: 'Thử' })).statusCode).toBe(403);
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
    // The quarterly trial task has one occurrence per quarter of the plan year, and the court sees it as lead.
    const trialDetail = (await court.get(`/api/v1/tasks/${trial.id}`)).json<TaskDetail>();
    expect(trialDetail.occurrences.length).toBeGreaterThanOrEqual(4);
    expect(trialDetail.occurrences.every((o) => /^Quý (I|II|III|IV)\/\d{4}$/.test(o.periodLabel))).toBe(true);
    expect(trialDetail.dueDate).toBe(trialDetail.occurrences[0]!.dueDate);
    expect(trialDetail.allowedActions).toContain('progress');
  });
});

describe('one rule in SQL and in TypeScript', () => {
  it('for every demo account, the tasks listed are exactly those the pure scope check admits', async () => {
    const { plan } = await issuedPlan();
    const rows = await t.database.db
      .select({ id: tasks.id, orgUnitId: tasks.orgUnitId, agencyIds: tasks.agencyIds })
      .from(tasks)
      .where(eq(tasks.planId, plan.id));
    for (const username of DEMO_USERNAMES) {
      const agent = await loginAs(t.app, username);
      const me = agent.me!;
      const actor: Actor = {
        userId: me.user.id,
        username,
        orgUnitId: me.user.orgUnitId,
        agencyId: me.user.agencyId,
        assignments: me.assignments.map((a) => ({ ...a })),
      };
      const expected = rows
        .filter((row) => matchesScope(scopeFilterFor(actor, 'read:tasks'), row))
        .map((row) => row.id)
        .sort();
      const listed = page<TaskView>(await agent.get(`/api/v1/tasks?planId=${plan.id}&limit=100`))
        .items.map((task) => task.id)
        .sort();
      expect(listed, username).toEqual(expected);
    }
  });
});

describe('working a task', () => {
  it('the lead posts progress with a file, submits, cannot accept; the standing office returns then accepts; all audited', async () => {
    const { health: task } = await issuedPlan();
    const upload = await health.post('/api/v1/files', {
      fileName: 'Báo cáo kết quả.pdf',
      mime: 'application/pdf',
      contentBase64: Buffer.from('%PDF-1.4 minh chứng').toString('base64'),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const file = upload.json<FileView>();
    expect(await audited('file.uploaded', file.id)).toBe(1);

    const progressed = await health.post(`/api/v1/tasks/${task.id}/progress`, {
      percent: 60,
      narrative: 'Đã khám cho 12 nạn nhân.',
      fileIds: [file.id],
    });
    expect(progressed.statusCode, progressed.body.slice(0, 300)).toBe(200);
    const detail = progressed.json<TaskDetail>();
    expect(detail).toMatchObject({ status: 'in_progress', progressPercent: 60, timing: 'overdue' });
    expect(detail.updates).toHaveLength(1);
    expect(detail.updates[0]).toMatchObject({
      kind: 'progress',
      percent: 60,
      fromStatus: 'not_started',
      toStatus: 'in_progress',
      agencyId: agencyIds['T31.SYT'],
      files: [{ id: file.id, fileName: 'Báo cáo kết quả.pdf' }],
    });
    expect(await audited('task.progress_reported', task.id)).toBe(1);
    // The same file cannot be attached twice.
    expect((await health.post(`/api/v1/tasks/${task.id}/progress`, { percent: 70, narrative: 'x', fileIds: [file.id] })).statusCode).toBe(
      400,
    );

    // The standing office downloads the evidence; a department it is not addressed to cannot.
    const download = await office.get(`/api/v1/files/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''B%C3%A1o");
    expect(download.rawPayload.toString()).toBe('%PDF-1.4 minh chứng');
    const xa = await loginAs(t.app, 'xa.a');
    expect((await xa.get(`/api/v1/files/${file.id}`)).statusCode).toBe(404);

    expect((await health.post(`/api/v1/tasks/${task.id}/submit`, { narrative: 'Hoàn thành.' })).json<TaskDetail>()).toMatchObject({
      status: 'submitted',
      progressPercent: 100,
      timing: 'closed',
    });
    const before = await databaseFingerprint(t.database.db);
    const refused = await health.post(`/api/v1/tasks/${task.id}/accept`, {});
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(await databaseFingerprint(t.database.db)).toEqual(before);

    expect(
      (await office.post(`/api/v1/tasks/${task.id}/return`, { comment: 'Bổ sung số liệu theo giới tính.' })).json<TaskDetail>().status,
    ).toBe('returned');
    expect((await health.get(`/api/v1/tasks/${task.id}`)).json<TaskDetail>().allowedActions).toEqual(['view', 'progress']);
    expect(
      (await health.post(`/api/v1/tasks/${task.id}/progress`, { percent: 90, narrative: 'Đã bổ sung.' })).json<TaskDetail>().status,
    ).toBe('in_progress');
    await health.post(`/api/v1/tasks/${task.id}/submit`, {});
    const accepted = await office.post(`/api/v1/tasks/${task.id}/accept`, { comment: 'Đạt yêu cầu.' });
    expect(accepted.json<TaskDetail>()).toMatchObject({ status: 'accepted', allowedActions: ['view'] });
    // Accepting again is the wrong moment: 409 with a Vietnamese message.
    const again = await office.post(`/api/v1/tasks/${task.id}/accept`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json<{ title: string }>().title).toMatch(/nghiệm thu.*Đã nghiệm thu/);
    for (const action of ['task.submitted', 'task.returned', 'task.accepted'])
      expect(await audited(action, task.id), action).toBeGreaterThan(0);
  });

  it('a coordinating department contributes; the standing office cancels with a comment', async () => {
    const { education } = await issuedPlan();
    const contributed = await health.post(`/api/v1/tasks/${education.id}/contributions`, {
      narrative: 'Sở Y tế cử cán bộ tham gia 3 buổi.',
    });
    expect(contributed.statusCode).toBe(200);
    expect(contributed.json<TaskDetail>().updates[0]).toMatchObject({ kind: 'contribution', agencyId: agencyIds['T31.SYT'] });
    expect(await audited('task.contributed', education.id)).toBe(1);
    const cancelled = await office.post(`/api/v1/tasks/${education.id}/cancel`, {
      comment: 'Nội dung đã được lồng ghép vào nhiệm vụ khác.',
    });
    expect(cancelled.json<TaskDetail>().status).toBe('cancelled');
    expect((await health.post(`/api/v1/tasks/${education.id}/contributions`, { narrative: 'Muộn.' })).statusCode).toBe(409);
  });
});

describe('following and chasing', () => {
  it('lists overdue and due-soon tasks across agencies for the standing office', async () => {
    const { plan, health: late, education: soon } = await issuedPlan();
    expect(page<TaskView>(await office.get(`/api/v1/tasks?planId=${plan.id}&overdue=true`)).items.map((x) => x.id)).toEqual([late.id]);
    expect(page<TaskView>(await office.get(`/api/v1/tasks?planId=${plan.id}&dueSoon=true`)).items.map((x) => x.id)).toEqual([soon.id]);
    expect(late.timing).toBe('overdue');
    expect(soon.timing).toBe('due_soon');
  });

  it('the standing office chases an overdue task; the health department is notified and reads it; recorded and audited', async () => {
    const { health: late } = await issuedPlan();
    const chased = await office.post(`/api/v1/tasks/${late.id}/chase`, { message: 'Đề nghị Sở Y tế khẩn trương báo cáo kết quả.' });
    expect(chased.statusCode, chased.body.slice(0, 300)).toBe(200);
    expect(chased.json<TaskDetail>().updates.at(-1)).toMatchObject({
      kind: 'chase',
      narrative: 'Đề nghị Sở Y tế khẩn trương báo cáo kết quả.',
    });
    expect(await audited('task.chased', late.id)).toBe(1);
    expect((await health.post(`/api/v1/tasks/${late.id}/chase`, { message: 'x' })).statusCode).toBe(403);

    const inbox = (await health.get('/api/v1/notifications')).json<{ items: NotificationView[]; unread: number }>();
    const notice = inbox.items.find((n) => n.entityId === late.id && n.kind === 'task_chase');
    expect(notice).toBeDefined();
    expect(notice!.body).toContain('khẩn trương');
    expect(notice!.readAt).toBeNull();
    // Nobody else's inbox gets it.
    expect((await court.get('/api/v1/notifications')).json<{ items: NotificationView[] }>().items.some((n) => n.entityId === late.id)).toBe(
      false,
    );
    expect((await court.post(`/api/v1/notifications/${notice!.id}/read`)).statusCode).toBe(404);
    const read = await health.post(`/api/v1/notifications/${notice!.id}/read`);
    expect(read.json<NotificationView>().readAt).not.toBeNull();
    expect(await audited('notification.read', notice!.id)).toBe(1);
  });

  it('the daily digest tells each lead agency of its overdue and due-soon tasks, once a day', async () => {
    const { health: late } = await issuedPlan();
    // Tomorrow: no other test runs a digest for that day (the shared PostgreSQL database keeps them).
    const date = iso(1);
    const run = await office.post('/api/v1/notifications/digest/run', { date });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({ date, emailsSent: 0 });
    const [me] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, 'so.yte'));
    const digests = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientUserId, me!.id), eq(notifications.kind, 'task_digest')));
    const today = digests.find((n) => n.dedupeKey?.startsWith(`digest:${date}:`));
    expect(today?.body).toContain(late.content);
    // Running it again the same day adds nothing for the same users.
    const second = await office.post('/api/v1/notifications/digest/run', { date });
    expect(second.json<{ notificationsCreated: number }>().notificationsCreated).toBe(0);
    expect((await health.post('/api/v1/notifications/digest/run', { date })).statusCode).toBe(403);
  });
});

describe('tasks after the plan is issued', () => {
  it('the standing office adds a task in a new section, then corrects its deadline and lead; reported periods are kept; audited', async () => {
    const { plan } = await issuedPlan();
    const added = await office.post(`/api/v1/plans/${plan.id}/tasks`, {
      sectionPath: 'IV.2',
      sectionHeading: 'Nhiệm vụ bổ sung',
      content: 'Khám sức khỏe định kỳ cho nạn nhân đang được hỗ trợ',
      leadAgencyId: agencyIds['T31.SYT'],
      coordinatingAgencyIds: [agencyIds['T31.SNV']],
      recurrence: 'quarterly',
    });
    expect(added.statusCode, added.body.slice(0, 300)).toBe(201);
    const task = added.json<TaskDetail>();
    expect(task).toMatchObject({
      planId: plan.id,
      sectionPath: 'IV.2',
      sectionTitle: 'Nhiệm vụ bổ sung',
      position: 4,
      status: 'not_started',
      leadAgencyId: agencyIds['T31.SYT'],
      recurrence: 'quarterly',
      deadline: null,
    });
    expect(task.agencies.map((a) => [a.role, a.agencyId])).toEqual([
      ['lead', agencyIds['T31.SYT']],
      ['coordinating', agencyIds['T31.SNV']],
    ]);
    expect(task.allowedActions).toContain('edit');
    expect(task.occurrences.length).toBeGreaterThanOrEqual(4);
    expect(await audited('task.created', task.id)).toBe(1);
    const detail = (await office.get(`/api/v1/plans/${plan.id}`)).json<PlanDetail>();
    expect(detail.sections.map((x) => [x.path, x.heading])).toContainEqual(['IV.2', 'Nhiệm vụ bổ sung']);
    expect(detail.taskCount).toBe(5);
    // The lead sees it in its inbox and reports on the first period.
    const first = task.occurrences[0]!;
    expect(
      (await health.post(`/api/v1/tasks/${task.id}/progress`, { percent: 100, narrative: 'Quý đầu đã khám', occurrenceId: first.id }))
        .statusCode,
    ).toBe(200);

    const edited = await office.patch(`/api/v1/tasks/${task.id}`, {
      version: await taskVersion(task.id),
      deadline: iso(30),
      leadAgencyId: agencyIds['T31.SGDDT'],
      reason: 'Theo chỉ đạo của Trưởng Ban Chỉ đạo',
    });
    expect(edited.statusCode, edited.body.slice(0, 300)).toBe(200);
    const after = edited.json<TaskDetail>();
    expect(after).toMatchObject({ deadline: iso(30), leadAgencyId: agencyIds['T31.SGDDT'], dueDate: iso(30), status: 'in_progress' });
    expect(after.agencies.map((a) => [a.role, a.agencyId])).toEqual([
      ['lead', agencyIds['T31.SGDDT']],
      ['coordinating', agencyIds['T31.SNV']],
    ]);
    // A fixed deadline ends the schedule: only the period already reported on stays.
    expect(after.occurrences.map((o) => o.id)).toEqual([first.id]);
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'task.updated'), eq(auditEvents.entityId, task.id)));
    expect(event!.details).toMatchObject({
      changed: expect.arrayContaining(['deadline', 'leadAgencyId']),
      before: { deadline: null, leadAgencyId: agencyIds['T31.SYT'] },
      after: { deadline: iso(30), leadAgencyId: agencyIds['T31.SGDDT'] },
      reason: 'Theo chỉ đạo của Trưởng Ban Chỉ đạo',
    });
    // No longer addressed to the health department: out of its sight.
    expect((await health.get(`/api/v1/tasks/${task.id}`)).statusCode).toBe(404);

    // Back to a recurrence: new periods, the reported one kept and not duplicated.
    const recurring = (
      await office.patch(`/api/v1/tasks/${task.id}`, { deadline: null, recurrence: 'six_monthly', version: after.version })
    ).json<TaskDetail>();
    expect(recurring.occurrences.some((o) => o.id === first.id)).toBe(true);
    expect(recurring.occurrences.filter((o) => o.id !== first.id).every((o) => /^6 tháng/.test(o.periodLabel))).toBe(true);
    expect(recurring.occurrences.length).toBeGreaterThan(1);
    expect(await audited('task.updated', task.id)).toBe(2);
  });

  it('refuses: 403 on a task one sees, 404 on one it does not; 409 once accepted; 400 on unknown references', async () => {
    const { plan, health: own, police } = await issuedPlan();
    const before = await databaseFingerprint(t.database.db);
    const denied = await health.patch(`/api/v1/tasks/${own.id}`, { deadline: iso(90), version: 1 });
    expect(denied.statusCode).toBe(403);
    expect(denied.headers['content-type']).toContain('application/problem+json');
    expect((await health.patch(`/api/v1/tasks/${police.id}`, { deadline: iso(90), version: 1 })).statusCode).toBe(404);
    // The court's subtree grant shows it every task of the city: seen, not its to correct.
    expect((await court.patch(`/api/v1/tasks/${own.id}`, { content: 'x', version: 1 })).statusCode).toBe(403);
    expect((await health.post(`/api/v1/plans/${plan.id}/tasks`, { content: 'x' })).statusCode).toBe(403);
    expect((await office.post(`/api/v1/plans/${plan.id}/tasks`, { content: 'x', sectionPath: 'IX' })).statusCode).toBe(400);
    expect(
      (await office.post(`/api/v1/plans/${plan.id}/tasks`, { content: 'x', leadAgencyId: '01890000-0000-7000-8000-000000000000' }))
        .statusCode,
    ).toBe(400);
    expect((await office.patch(`/api/v1/tasks/${own.id}`, { sectionPath: 'IX', version: 1 })).statusCode).toBe(400);
    expect((await office.patch(`/api/v1/tasks/${own.id}`, { unknown: 1 })).statusCode).toBe(400);
    expect((await office.post(`/api/v1/plans/01890000-0000-7000-8000-000000000000/tasks`, { content: 'x' })).statusCode).toBe(404);
    expect(await databaseFingerprint(t.database.db)).toEqual(before);

    await health.post(`/api/v1/tasks/${own.id}/progress`, { percent: 100, narrative: 'Xong' });
    await health.post(`/api/v1/tasks/${own.id}/submit`, {});
    expect((await office.get(`/api/v1/tasks/${own.id}`)).json<TaskDetail>().allowedActions).toContain('edit');
    await office.post(`/api/v1/tasks/${own.id}/accept`, {});
    expect((await office.get(`/api/v1/tasks/${own.id}`)).json<TaskDetail>().allowedActions).not.toContain('edit');
    const accepted = await databaseFingerprint(t.database.db);
    const conflict = await office.patch(`/api/v1/tasks/${own.id}`, {
      deadline: iso(90),
      reason: 'Gia hạn',
      version: await taskVersion(own.id),
    });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json<{ code: string }>().code).toBe('task.action_not_allowed');
    expect(await databaseFingerprint(t.database.db)).toEqual(accepted);
  });
});

describe('plan attachments', () => {
  const upload = (agent: Agent, fileName: string) =>
    agent.post('/api/v1/files', { fileName, mime: 'application/pdf', contentBase64: Buffer.from(`%PDF-${fileName}`).toString('base64') });

  it('the standing office attaches the signed plan; whoever reads the plan downloads it, nobody else', async () => {
    const { plan } = await issuedPlan();
    const file = (await upload(office, 'Kế hoạch đã ký.pdf')).json<FileView>();
    const attached = await office.post(`/api/v1/plans/${plan.id}/attachments`, { fileIds: [file.id] });
    expect(attached.statusCode, attached.body.slice(0, 300)).toBe(200);
    expect(attached.json<PlanDetail>().attachments).toEqual([file]);
    expect((await health.get(`/api/v1/plans/${plan.id}`)).json<PlanDetail>().attachments.map((f) => f.id)).toEqual([file.id]);
    expect(await audited('plan.files_attached', plan.id)).toBe(1);
    // The plan is addressed to the health department: it downloads the file.
    const download = await health.get(`/api/v1/files/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.toString()).toBe('%PDF-Kế hoạch đã ký.pdf');
    const xa = await loginAs(t.app, 'xa.a');
    expect((await xa.get(`/api/v1/files/${file.id}`)).statusCode).toBe(404);

    // A plan not addressed to the health department: its attachment is out of reach.
    const other = (await office.post('/api/v1/plans', { title: uniqueName('Kế hoạch nội bộ ') })).json<PlanDetail>();
    const internal = (await upload(office, 'noi-bo.pdf')).json<FileView>();
    await office.post(`/api/v1/plans/${other.id}/attachments`, { fileIds: [internal.id] });
    expect((await health.get(`/api/v1/files/${internal.id}`)).statusCode).toBe(404);
    expect((await office.get(`/api/v1/files/${internal.id}`)).statusCode).toBe(200);
  });

  it('refuses someone else’s file, one already attached, a department, and a plan out of reach; nothing changes', async () => {
    const { plan, health: task } = await issuedPlan();
    const theirs = (await upload(health, 'cua-so-y-te.pdf')).json<FileView>();
    const mine = (await upload(office, 'cua-van-phong.pdf')).json<FileView>();
    const used = (await upload(health, 'da-dinh-kem.pdf')).json<FileView>();
    await health.post(`/api/v1/tasks/${task.id}/progress`, { percent: 10, narrative: 'x', fileIds: [used.id] });
    const reattach = (await upload(office, 'lan-hai.pdf')).json<FileView>();
    await office.post(`/api/v1/plans/${plan.id}/attachments`, { fileIds: [reattach.id] });
    const before = await databaseFingerprint(t.database.db);
    for (const fileIds of [[theirs.id], [mine.id, theirs.id], [used.id], [reattach.id]]) {
      const refused = await office.post(`/api/v1/plans/${plan.id}/attachments`, { fileIds });
      expect(refused.statusCode).toBe(400);
      expect(refused.json<{ code: string }>().code).toBe('file.invalid');
    }
    expect((await health.post(`/api/v1/plans/${plan.id}/attachments`, { fileIds: [theirs.id] })).statusCode).toBe(403);
    expect((await office.post(`/api/v1/plans/${plan.id}/attachments`, { fileIds: [] })).statusCode).toBe(400);
    expect((await office.post(`/api/v1/plans/01890000-0000-7000-8000-000000000000/attachments`, { fileIds: [mine.id] })).statusCode).toBe(
      404,
    );
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
  });
});

describe('bad files', () => {
  it.each([
    ['empty', { fileName: 'a.pdf', mime: 'application/pdf', contentBase64: '' }],
    [
      'oversized',
      { fileName: 'a.bin', mime: 'application/octet-stream', contentBase64: Buffer.alloc(10 * 1024 * 1024 + 1).toString('base64') },
    ],
    ['not base64', { fileName: 'a.pdf', mime: 'application/pdf', contentBase64: '###' }],
    ['bad mime', { fileName: 'a.pdf', mime: 'pdf', contentBase64: 'YQ==' }],
  ])('%s → 400 and nothing stored', async (_what, body) => {
    const before = await databaseFingerprint(t.database.db);
    const response = await health.post('/api/v1/files', body);
    expect(response.statusCode, response.body.slice(0, 200)).toBe(400);
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
  });
});

describe('backup', () => {
  it('carries plans, tasks, their history and evidence files (bytea) into a restored database', async () => {
    const { health: task } = await issuedPlan();
    const file = (
      await health.post('/api/v1/files', {
        fileName: 'ảnh.png',
        mime: 'image/png',
        contentBase64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255]).toString('base64'),
      })
    ).json<FileView>();
    await health.post(`/api/v1/tasks/${task.id}/progress`, { percent: 20, narrative: 'Ảnh minh chứng', fileIds: [file.id] });
    const backupFile = path.join(tmpdir(), `atmis-plans-backup-${process.pid}.atmis.gz`);
    const backup = await backupDatabase(t.database, backupFile);
    expect(backup.tables.files).toBeGreaterThan(0);
    const target = await createFreshDatabase();
    try {
      await migrateDatabase(target.handle);
      await restoreDatabase(target.handle, backupFile);
      expect(await databaseFingerprint(target.handle.db)).toEqual(await databaseFingerprint(t.database.db));
    } finally {
      await target.drop();
    }
  });
});
