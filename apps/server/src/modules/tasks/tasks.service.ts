import type { taskUpdates, Database, Executor } from '@atmis/db';
import { scopeFilterFor, type Actor, type AuditAction, type TaskDetail, type TaskView, formatVietnamTimeOfDay } from '@atmis/domain';
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
import type { AuditContext } from '../../platform/audit/audit-log.ts';
import { runCommand } from '../../platform/commands/run-command.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { decodeCursor, encodeCursor, toIso } from '../../platform/http/pagination.ts';
import {
  HAND_OVER_EVENTS,
  taskHandOverEvent,
  type HandOverEventType,
  type TaskHandOverPayload,
} from '../../platform/outbox/hand-over-events.ts';
import { filesOfOwners } from '../../platform/files/files.repository.ts';
import { attachFiles, presentFile } from '../../platform/files/files.service.ts';
import {
  agenciesOfTasks,
  applyTaskUpdate,
  bumpTaskVersion,
  findTaskInScope,
  insertTaskUpdate,
  listTasks,
  occurrenceOfTask,
  occurrencesOfTask,
  taskVersionOf,
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

/** 409 task.stale: when the task was last saved and its current version. */
export async function taskStaleError(executor: Executor, id: string): Promise<AppError> {
  const current = await taskVersionOf(executor, id);
  return new AppError(
    'task.stale',
    { time: current ? formatVietnamTimeOfDay(current.updatedAt) : '', version: current?.version ?? '' },
    [],
    {
      currentVersion: current?.version ?? 0,
    },
  );
}

/** What every hand-over event of a task carries (labels, never a person). */
export function taskHandOverPayloadOf(row: TaskRow, actorUserId: string): TaskHandOverPayload {
  return {
    actorUserId,
    taskId: row.id,
    planId: row.planId,
    planTitle: row.planTitle,
    content: row.content,
    dueDate: row.dueDate,
    leadAgencyId: row.leadAgencyId,
    leadAgencyName: row.leadAgencyName,
  };
}

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

export function createTasksService({ db, clock }: { db: Database; clock: () => Date }) {
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

  /** The hand-over an action is, for the outbox: who did it and what the receiver needs to read. */
  const HAND_OVER: Partial<Record<Exclude<TaskAction, 'view'>, HandOverEventType>> = {
    progress: HAND_OVER_EVENTS.taskProgressReported,
    submit: HAND_OVER_EVENTS.taskSubmitted,
    accept: HAND_OVER_EVENTS.taskAccepted,
    return: HAND_OVER_EVENTS.taskReturned,
    cancel: HAND_OVER_EVENTS.taskCancelled,
    chase: HAND_OVER_EVENTS.taskChased,
  };

  /**
   * One write on a task, through the command pipeline: in scope and allowed (404/403/409), from the
   * version it was loaded at (a concurrent change is 409 task.stale), then its history line, the state
   * change, attachments, audit and the hand-over event in one transaction.
   */
  async function write(actor: Actor, id: string, input: WriteInput, context: AuditContext) {
    await runCommand(db, context, clock, {
      load: () => authorise(actor, id, input.action).then((loaded) => ({ ...loaded, version: loaded.row.version })),
      prepare: async ({ record }) => {
        const from = record.status;
        const to = input.transition ? nextTaskStatus(from, input.transition) : from;
        if (!to)
          throw new AppError('task.action_not_allowed', { action: ACTION_LABELS[input.action], status: TASK_STATUS_LABELS[from].vi });
        if (input.occurrenceId && !(await occurrenceOfTask(db, id, input.occurrenceId)))
          throw new AppError('validation.failed', {}, [{ path: 'occurrenceId', message: 'Kỳ thực hiện không thuộc nhiệm vụ này.' }]);
        return { from, to };
      },
      bumpVersion: (tx, _loaded, expected) => bumpTaskVersion(tx, id, expected),
      stale: (executor) => taskStaleError(executor, id),
      apply: async (tx, { record }, { from, to }) => {
        const updateId = await insertTaskUpdate(tx, {
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
        });
        await attachFiles(tx, actor, input.fileIds, 'task_update', updateId);
        // Progress and decisions move the version on too: an edit form opened before them is stale.
        await applyTaskUpdate(
          tx,
          id,
          {
            ...(to !== from ? { status: to } : {}),
            ...(input.kind === 'submission'
              ? { progressPercent: 100 }
              : input.percent !== undefined
                ? { progressPercent: input.percent }
                : {}),
            occurrenceDoneId: input.occurrenceId && input.percent === 100 ? input.occurrenceId : null,
            cancelPendingOccurrences: to === 'cancelled',
          },
          clock(),
        );
        return updateId;
      },
      audit: ({ row }, { from, to }, updateId) => ({
        action: input.audit,
        entityType: 'task',
        entityId: id,
        orgUnitId: row.orgUnitId,
        details: {
          updateId,
          from,
          to,
          percent: input.percent ?? null,
          narrative: input.narrative ?? null,
          fileIds: input.fileIds ?? [],
        },
      }),
      outbox: ({ row }) => {
        const type = HAND_OVER[input.action];
        return type
          ? [
              taskHandOverEvent(type, {
                ...taskHandOverPayloadOf(row, actor.userId),
                percent: input.percent ?? null,
                comment: input.narrative ?? null,
              }),
            ]
          : [];
      },
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

  /** Đôn đốc: recorded on the task; every user of the lead agency is told (email too when configured). */
  const chase = (actor: Actor, id: string, input: { message: string }, context: AuditContext) =>
    write(actor, id, { action: 'chase', kind: 'chase', audit: 'task.chased', transition: null, narrative: input.message }, context);

  return { list, get, progress, contribute, submit, accept, giveBack, cancel, chase };
}
