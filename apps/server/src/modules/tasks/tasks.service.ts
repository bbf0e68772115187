import { taskOccurrences, tasks, taskUpdates, type Database } from '@atmis/db';
import { scopeFilterFor, type Actor, type AuditAction, type TaskDetail, type TaskView } from '@atmis/domain';
import {
  actingAgencyIds,
  addDays,
  allowedTaskActions,
  DUE_SOON_DAYS,
  nextTaskStatus,
  TASK_STATUS_LABELS,
  taskRelationsOf,
  taskTiming,
  transitionForProgress,
  vietnamToday,
  type TaskAccessRecord,
  type TaskAction,
  type TaskStatus,
  type TaskTransition,
} from '@atmis/domain/plans/index';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { decodeCursor, encodeCursor, toIso } from '../../platform/http/pagination.ts';
import { notifyAgency } from '../notifications/notifications.service.ts';
import type { Mailer } from '../notifications/mailer.ts';
import { attachFiles, presentFile } from './files.service.ts';
import {
  agenciesOfTasks,
  filesOfOwners,
  findTaskInScope,
  listTasks,
  occurrencesOfTask,
  updatesOfTask,
  type TaskRow,
} from './tasks.repository.ts';

type AgencyRow = Awaited<ReturnType<typeof agenciesOfTasks>>[number];
type UpdateKind = (typeof taskUpdates.$inferInsert)['kind'];

/** Which party an action needs: lacking it is 403; having it at the wrong moment is 409. */
const ACTION_PARTY: Record<Exclude<TaskAction, 'view'>, 'lead' | 'coordinating' | 'standing_office'> = {
  progress: 'lead',
  submit: 'lead',
  contribute: 'coordinating',
  accept: 'standing_office',
  return: 'standing_office',
  cancel: 'standing_office',
  chase: 'standing_office',
  edit: 'standing_office',
};

const ACTION_LABELS: Record<Exclude<TaskAction, 'view'>, string> = {
  progress: 'cập nhật tiến độ',
  submit: 'báo cáo hoàn thành',
  contribute: 'góp ý, phối hợp',
  accept: 'nghiệm thu',
  return: 'trả lại',
  cancel: 'hủy',
  chase: 'đôn đốc',
  edit: 'sửa',
};

function accessRecord(row: TaskRow, agencyRows: AgencyRow[]): TaskAccessRecord {
  const ids = (role: AgencyRow['role']) => agencyRows.filter((a) => a.role === role && a.agencyId).map((a) => a.agencyId!);
  return {
    orgUnitId: row.orgUnitId,
    leadAgencyId: row.leadAgencyId,
    coordinatingAgencyIds: ids('coordinating'),
    requestedAgencyIds: ids('requested'),
    status: row.status as TaskStatus,
  };
}

export function createTasksService({ db, clock }: { db: Database; clock: () => Date }, mailer: Mailer) {
  function today() {
    return vietnamToday(clock());
  }

  function present(actor: Actor, row: TaskRow, agencyRows: AgencyRow[]): TaskView {
    const record = accessRecord(row, agencyRows);
    const { context: _context, ...rest } = row;
    return {
      ...rest,
      status: row.status as TaskStatus,
      recurrence: row.recurrence ?? null,
      agencies: agencyRows.map(({ taskId: _taskId, ...agency }) => agency),
      timing: taskTiming({ status: row.status as TaskStatus, dueDate: row.dueDate }, today()),
      updatedAt: toIso(row.updatedAt) as string,
      allowedActions: allowedTaskActions(actor, record),
    };
  }

  async function list(
    actor: Actor,
    query: {
      limit: number;
      cursor?: string | undefined;
      q?: string | undefined;
      planId?: string | undefined;
      agencyId?: string | undefined;
      status?: TaskStatus | undefined;
      overdue?: 'true' | 'false' | undefined;
      dueSoon?: 'true' | 'false' | undefined;
      mine?: 'true' | 'false' | undefined;
    },
  ) {
    const after = decodeCursor(query.cursor, 1) as [string] | null;
    const day = today();
    const page = await listTasks(db, scopeFilterFor(actor, 'read:tasks'), {
      ...query,
      after: after?.[0] ?? null,
      overdue: query.overdue === 'true',
      dueSoon: query.dueSoon === 'true',
      mineAgencyIds: query.mine === 'true' ? [...actingAgencyIds(actor, 'read:tasks')] : undefined,
      today: day,
      soon: addDays(day, DUE_SOON_DAYS),
    });
    const agencyRows = await agenciesOfTasks(
      db,
      page.rows.map((row) => row.id),
    );
    const items = page.rows.map((row) =>
      present(
        actor,
        row,
        agencyRows.filter((a) => a.taskId === row.id),
      ),
    );
    const last = items.at(-1);
    return { items, total: page.total, nextCursor: page.hasMore && last ? encodeCursor([last.id]) : null };
  }

  async function load(actor: Actor, id: string) {
    const row = await findTaskInScope(db, scopeFilterFor(actor, 'read:tasks'), id);
    if (!row) throw notFound();
    const agencyRows = await agenciesOfTasks(db, [id]);
    return { row, agencyRows, record: accessRecord(row, agencyRows) };
  }

  async function get(actor: Actor, id: string): Promise<TaskDetail> {
    const { row, agencyRows } = await load(actor, id);
    const updates = await updatesOfTask(db, id);
    const attachments = await filesOfOwners(
      db,
      'task_update',
      updates.map((u) => u.id),
    );
    return {
      ...present(actor, row, agencyRows),
      context: row.context,
      updates: updates.map((update) => ({
        ...update,
        createdAt: toIso(update.createdAt) as string,
        files: attachments.filter((f) => f.ownerId === update.id).map(presentFile),
      })),
      occurrences: await occurrencesOfTask(db, id),
    };
  }

  /** Loads a task the actor sees and checks the action: 404 unseen, 403 not their role, 409 wrong moment. */
  async function authorise(actor: Actor, id: string, action: Exclude<TaskAction, 'view'>) {
    const loaded = await load(actor, id);
    if (!allowedTaskActions(actor, loaded.record).includes(action)) {
      const relations = taskRelationsOf(actor, loaded.record);
      const party = ACTION_PARTY[action];
      const hasParty =
        party === 'lead' ? relations.isLead : party === 'coordinating' ? relations.isCoordinating : relations.isStandingOffice;
      if (!hasParty) throw new AppError('auth.forbidden');
      throw new AppError('task.action_not_allowed', { action: ACTION_LABELS[action], status: TASK_STATUS_LABELS[loaded.record.status].vi });
    }
    return loaded;
  }

  /** The agency an actor writes for on this task (the lead or coordinating one they act for). */
  function writingAgency(actor: Actor, record: TaskAccessRecord, role: 'lead' | 'coordinating' | 'standing_office'): string | null {
    const mine = actingAgencyIds(actor, role === 'standing_office' ? 'chase:tasks' : 'update:tasks');
    if (role === 'lead') return record.leadAgencyId;
    if (role === 'coordinating') return record.coordinatingAgencyIds.find((id) => mine.has(id)) ?? null;
    return actor.agencyId ?? [...mine][0] ?? null;
  }

  interface WriteInput {
    action: Exclude<TaskAction, 'view'>;
    kind: UpdateKind;
    audit: AuditAction;
    transition: TaskTransition | null;
    percent?: number | undefined;
    narrative?: string | null | undefined;
    fileIds?: string[] | undefined;
    occurrenceId?: string | undefined;
  }

  /** One write on a task: its history line, the state change, attachments, audit; one transaction. */
  async function write(
    actor: Actor,
    id: string,
    input: WriteInput,
    context: AuditContext,
    after?: (tx: Parameters<Parameters<Database['transaction']>[0]>[0], row: TaskRow) => Promise<void>,
  ) {
    const { row, record } = await authorise(actor, id, input.action);
    const from = record.status;
    const to = input.transition ? nextTaskStatus(from, input.transition) : from;
    if (!to) throw new AppError('task.action_not_allowed', { action: ACTION_LABELS[input.action], status: TASK_STATUS_LABELS[from].vi });
    if (input.occurrenceId) {
      const [occurrence] = await db
        .select({ id: taskOccurrences.id })
        .from(taskOccurrences)
        .where(and(eq(taskOccurrences.id, input.occurrenceId), eq(taskOccurrences.taskId, id)));
      if (!occurrence)
        throw new AppError('validation.failed', {}, [{ path: 'occurrenceId', message: 'Kỳ thực hiện không thuộc nhiệm vụ này.' }]);
    }
    await db.transaction(async (tx) => {
      const [update] = await tx
        .insert(taskUpdates)
        .values({
          taskId: id,
          authorUserId: actor.userId,
          agencyId: writingAgency(actor, record, ACTION_PARTY[input.action]),
          kind: input.kind,
          percent: input.percent ?? null,
          narrative: input.narrative ?? null,
          fromStatus: from,
          toStatus: to,
          occurrenceId: input.occurrenceId ?? null,
          createdAt: clock(),
        })
        .returning({ id: taskUpdates.id });
      await attachFiles(tx, actor, input.fileIds, 'task_update', update!.id);
      // Progress and decisions move the version on too: an edit form opened before them is stale.
      const changes: Partial<typeof tasks.$inferInsert> = { updatedAt: clock() };
      if (to !== from) changes.status = to;
      if (input.percent !== undefined) changes.progressPercent = input.percent;
      if (input.kind === 'submission') changes.progressPercent = 100;
      // Only from the state the decision was taken on: a concurrent change makes this a conflict.
      const changed = await tx
        .update(tasks)
        .set({ ...changes, version: sql`${tasks.version} + 1` })
        .where(and(eq(tasks.id, id), eq(tasks.status, from)))
        .returning({ id: tasks.id });
      if (!changed.length) throw new AppError('resource.version_conflict');
      if (input.occurrenceId && input.percent === 100)
        await tx.update(taskOccurrences).set({ status: 'done', updatedAt: clock() }).where(eq(taskOccurrences.id, input.occurrenceId));
      if (to === 'cancelled')
        await tx
          .update(taskOccurrences)
          .set({ status: 'cancelled', updatedAt: clock() })
          .where(and(eq(taskOccurrences.taskId, id), eq(taskOccurrences.status, 'pending')));
      await recordAudit(
        tx,
        context,
        {
          action: input.audit,
          entityType: 'task',
          entityId: id,
          orgUnitId: row.orgUnitId,
          details: {
            updateId: update!.id,
            from,
            to,
            percent: input.percent ?? null,
            narrative: input.narrative ?? null,
            fileIds: input.fileIds ?? [],
          },
        },
        clock(),
      );
      if (after) await after(tx, row);
    });
    return get(actor, id);
  }

  async function progress(
    actor: Actor,
    id: string,
    input: { percent: number; narrative: string; fileIds?: string[] | undefined; occurrenceId?: string | undefined },
    context: AuditContext,
  ) {
    const { record } = await authorise(actor, id, 'progress');
    return write(
      actor,
      id,
      { action: 'progress', kind: 'progress', audit: 'task.progress_reported', transition: transitionForProgress(record.status), ...input },
      context,
    );
  }

  const contribute = (actor: Actor, id: string, input: { narrative: string; fileIds?: string[] | undefined }, context: AuditContext) =>
    write(actor, id, { action: 'contribute', kind: 'contribution', audit: 'task.contributed', transition: null, ...input }, context);
  const submit = (
    actor: Actor,
    id: string,
    input: { narrative?: string | null | undefined; fileIds?: string[] | undefined },
    context: AuditContext,
  ) => write(actor, id, { action: 'submit', kind: 'submission', audit: 'task.submitted', transition: 'submit', ...input }, context);
  const accept = (actor: Actor, id: string, input: { comment?: string | null | undefined }, context: AuditContext) =>
    write(
      actor,
      id,
      { action: 'accept', kind: 'acceptance', audit: 'task.accepted', transition: 'accept', narrative: input.comment },
      context,
    );
  const giveBack = (actor: Actor, id: string, input: { comment: string }, context: AuditContext) =>
    write(actor, id, { action: 'return', kind: 'return', audit: 'task.returned', transition: 'return', narrative: input.comment }, context);
  const cancel = (actor: Actor, id: string, input: { comment: string }, context: AuditContext) =>
    write(
      actor,
      id,
      { action: 'cancel', kind: 'cancellation', audit: 'task.cancelled', transition: 'cancel', narrative: input.comment },
      context,
    );

  /** Đôn đốc: recorded on the task and notified to every user of the lead agency (email too when configured). */
  async function chase(actor: Actor, id: string, input: { message: string }, context: AuditContext) {
    const mails: Parameters<Mailer['send']>[0] = [];
    const result = await write(
      actor,
      id,
      { action: 'chase', kind: 'chase', audit: 'task.chased', transition: null, narrative: input.message },
      context,
      async (tx, row) => {
        if (!row.leadAgencyId) return;
        const notified = await notifyAgency(tx, row.leadAgencyId, {
          kind: 'task_chase',
          title: `Đôn đốc thực hiện nhiệm vụ: ${row.content.length > 100 ? `${row.content.slice(0, 99)}…` : row.content}`,
          body: `${input.message}\n\nKế hoạch: ${row.planTitle}${row.dueDate ? `\nHạn: ${row.dueDate.split('-').reverse().join('/')}` : ''}`,
          link: `/tasks/${id}`,
          entityType: 'task',
          entityId: id,
        });
        mails.push(...notified.mails);
      },
    );
    await mailer.send(mails);
    return result;
  }

  return { list, get, progress, contribute, submit, accept, giveBack, cancel, chase };
}
