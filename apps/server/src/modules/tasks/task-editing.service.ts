import type { Database, Executor, Transaction } from '@atmis/db';
import { canAccess, scopeFilterFor, type Actor, type CreateTaskBody, type TaskDetail, type UpdateTaskBody } from '@atmis/domain';
import { isFinalTaskStatus, mayEditTasks, TASK_STATUS_LABELS, taskRelationsOf, type TaskStatus } from '@atmis/domain/plans/index';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log.ts';
import { agencyNamesById } from '../agencies/index.ts';
import { runCommand } from '../../platform/commands/run-command.ts';
import { HAND_OVER_EVENTS, taskHandOverEvent } from '../../platform/outbox/hand-over-events.ts';
import { insertOutboxEvents } from '../../platform/outbox/outbox.repository.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import {
  findPlanInScope,
  insertTasks,
  missingAgencyIds,
  occurrencePlanOf,
  phaseOf,
  refreshPlanAgencies,
  type PlanGraphTask,
} from '../plans/index.ts';
import {
  appendPlanSection,
  deleteOccurrences,
  insertOccurrences,
  nextTaskPosition,
  occurrencesWithReportsOf,
  planContextOf,
  planSectionAt,
  replaceTaskAgencies,
  touchPlanUpdatedAt,
  updateTaskInStatus,
  type TaskChanges,
} from './task-editing.repository.ts';
import { agenciesOfTasks, bumpTaskVersion, findTaskInScope } from './tasks.repository.ts';
import { taskHandOverPayloadOf, taskStaleError, type createTasksService } from './tasks.service.ts';

type Role = 'lead' | 'coordinating' | 'requested';
const idsOf = (rows: { role: string; agencyId: string | null }[], role: Role) =>
  rows.filter((a) => a.role === role && a.agencyId).map((a) => a.agencyId!);
const invalid = (path: string, message: string) => new AppError('validation.failed', {}, [{ path, message }]);

/** Agency ids of a body must exist and be in force: 400 naming the field otherwise. */
async function assertAgencies(
  executor: Executor,
  input: Pick<UpdateTaskBody, 'leadAgencyId' | 'coordinatingAgencyIds' | 'requestedAgencyIds'>,
) {
  const fields = [
    ['leadAgencyId', input.leadAgencyId ? [input.leadAgencyId] : []],
    ['coordinatingAgencyIds', input.coordinatingAgencyIds ?? []],
    ['requestedAgencyIds', input.requestedAgencyIds ?? []],
  ] as const;
  for (const [path, ids] of fields) {
    const missing = await missingAgencyIds(executor, ids);
    if (missing.length) throw invalid(path, `Cơ quan không tồn tại hoặc đã hết hiệu lực: ${missing.join(', ')}`);
  }
}

function assertCampaign(from: string | null | undefined, to: string | null | undefined) {
  if (from && to && to < from) throw invalid('campaignTo', 'Thời gian kết thúc đợt trước thời gian bắt đầu.');
}

/**
 * Tasks after a plan is confirmed: added by whoever manages the plan, corrected by the standing
 * office of the plan's area (or whoever manages the plan). Every change audited with before/after.
 */
export function createTaskEditingService(
  { db, clock }: { db: Database; clock: () => Date },
  tasksService: ReturnType<typeof createTasksService>,
) {
  async function create(actor: Actor, planId: string, input: CreateTaskBody, context: AuditContext): Promise<TaskDetail> {
    const visible = await findPlanInScope(db, scopeFilterFor(actor, 'read:plans'), planId);
    if (!visible || !canAccess(actor, 'manage:plans', { orgUnitId: visible.orgUnitId })) throw notFound();
    if (visible.status === 'superseded') throw new AppError('plan.superseded');
    await assertAgencies(db, input);
    assertCampaign(input.campaignFrom, input.campaignTo);
    const plan = await planContextOf(db, planId);
    const sectionPath = input.sectionPath?.trim() ?? '';
    const section = sectionPath ? await planSectionAt(db, planId, sectionPath) : undefined;
    if (sectionPath && !section && !input.sectionHeading)
      throw invalid('sectionHeading', `Mục "${sectionPath}" chưa có trong kế hoạch: cần nhập tiêu đề mục.`);
    const ids = [input.leadAgencyId, ...(input.coordinatingAgencyIds ?? []), ...(input.requestedAgencyIds ?? [])].filter(
      (id): id is string => Boolean(id),
    );
    const names = await agencyNamesById(db, ids);
    const deadline = input.deadline ?? null;
    const task: PlanGraphTask = {
      sectionPath,
      sectionTitle: section?.heading ?? input.sectionHeading ?? '',
      content: input.content,
      context: null,
      agencies: [
        ...(input.leadAgencyId ? [{ agencyId: input.leadAgencyId, role: 'lead' as const }] : []),
        ...[...new Set(input.coordinatingAgencyIds ?? [])].map((agencyId) => ({ agencyId, role: 'coordinating' as const })),
        ...[...new Set(input.requestedAgencyIds ?? [])].map((agencyId) => ({ agencyId, role: 'requested' as const })),
      ].map((a) => ({ ...a, nameAsWritten: names.get(a.agencyId) ?? '' })),
      phase: input.phase ?? phaseOf(plan.phases, deadline),
      deadline,
      deadlineText: null,
      recurrence: input.recurrence ?? null,
      campaignFrom: input.campaignFrom ?? null,
      campaignTo: input.campaignTo ?? null,
    };
    const taskId = await db.transaction(async (tx) => {
      const sectionIds = new Map<string, string>();
      let createdSection: { id: string; path: string; heading: string } | null = null;
      if (section) sectionIds.set(sectionPath, section.id);
      else if (sectionPath) {
        const inserted = await appendPlanSection(tx, planId, sectionPath, input.sectionHeading!);
        createdSection = inserted;
        sectionIds.set(sectionPath, inserted.id);
      }
      const next = await nextTaskPosition(tx, planId);
      const [id] = await insertTasks(tx, plan, [task], { firstPosition: next, sectionIds });
      await refreshPlanAgencies(tx, planId);
      await touchPlanUpdatedAt(tx, planId, clock());
      // A task added to a plan in force is handed to its lead agency at once (a draft's wait for the issue).
      if (visible.status === 'issued' && input.leadAgencyId)
        await insertOutboxEvents(
          tx,
          [
            taskHandOverEvent(HAND_OVER_EVENTS.taskAssigned, {
              actorUserId: actor.userId,
              taskId: id!,
              planId,
              planTitle: visible.title,
              content: task.content,
              dueDate: deadline,
              leadAgencyId: input.leadAgencyId,
              leadAgencyName: names.get(input.leadAgencyId) ?? null,
            }),
          ],
          clock(),
        );
      await recordAudit(
        tx,
        context,
        {
          action: 'task.created',
          entityType: 'task',
          entityId: id!,
          orgUnitId: plan.orgUnitId,
          details: {
            planId,
            before: null,
            after: {
              sectionPath,
              content: task.content,
              agencies: task.agencies,
              phase: task.phase,
              deadline,
              recurrence: task.recurrence,
              campaignFrom: task.campaignFrom,
              campaignTo: task.campaignTo,
            },
            createdSection,
          },
        },
        clock(),
      );
      return id!;
    });
    return tasksService.get(actor, taskId);
  }

  async function update(actor: Actor, id: string, body: UpdateTaskBody, context: AuditContext): Promise<TaskDetail> {
    const { version: expectedVersion, ...input } = body;
    await runCommand(db, context, clock, {
      load: async () => {
        const row = await findTaskInScope(db, scopeFilterFor(actor, 'read:tasks'), id);
        return row ? { ...row, agencyRows: await agenciesOfTasks(db, [id]) } : null;
      },
      authorise: (row) => {
        const relations = taskRelationsOf(actor, {
          orgUnitId: row.orgUnitId,
          leadAgencyId: row.leadAgencyId,
          coordinatingAgencyIds: idsOf(row.agencyRows, 'coordinating'),
          requestedAgencyIds: idsOf(row.agencyRows, 'requested'),
          status: row.status as TaskStatus,
        });
        if (!mayEditTasks(relations)) throw new AppError('auth.forbidden');
        const status = row.status as TaskStatus;
        if (isFinalTaskStatus(status))
          throw new AppError('task.action_not_allowed', { action: 'sửa', status: TASK_STATUS_LABELS[status].vi });
      },
      expectedVersion,
      prepare: (row) => prepareEdit(row, input),
      bumpVersion: (tx, _row, expected) => bumpTaskVersion(tx, id, expected),
      stale: (executor) => taskStaleError(executor, id),
      apply: (tx, row, edit) => applyEdit(tx, row, edit),
      // A new lead agency on a task in force is handed the task.
      outbox: (row, edit) =>
        row.planStatus === 'issued' && edit.next.leadAgencyId && edit.next.leadAgencyId !== edit.current.leadAgencyId
          ? [
              taskHandOverEvent(HAND_OVER_EVENTS.taskAssigned, {
                ...taskHandOverPayloadOf(row, actor.userId),
                content: edit.next.content,
                leadAgencyId: edit.next.leadAgencyId,
                leadAgencyName: null,
              }),
            ]
          : [],
      audit: (row, edit, occurrenceChanges) => ({
        action: 'task.updated',
        entityType: 'task',
        entityId: id,
        orgUnitId: row.orgUnitId,
        details: {
          planId: row.planId,
          changed: edit.changed,
          before: Object.fromEntries(edit.changed.map((key) => [key, edit.current[key]])),
          after: Object.fromEntries(edit.changed.map((key) => [key, edit.next[key]])),
          reason: input.reason ?? null,
          occurrences: occurrenceChanges,
        },
      }),
    });
    return tasksService.get(actor, id);
  }

  type EditedTask = NonNullable<Awaited<ReturnType<typeof findTaskInScope>>> & { agencyRows: Awaited<ReturnType<typeof agenciesOfTasks>> };

  /** Validation and the change field by field, outside the transaction; null when nothing differs. */
  async function prepareEdit(row: EditedTask, input: Omit<UpdateTaskBody, 'version'>) {
    const { agencyRows } = row;
    const id = row.id;
    const status = row.status as TaskStatus;
    await assertAgencies(db, input);
    const plan = await planContextOf(db, row.planId);

    // The task as it is and as it will be, field by field; only what differs is written and audited.
    const current = {
      content: row.content,
      sectionPath: row.sectionPath,
      phase: row.phase,
      deadline: row.deadline,
      recurrence: row.recurrence ?? null,
      campaignFrom: row.campaignFrom,
      campaignTo: row.campaignTo,
      leadAgencyId: row.leadAgencyId,
      coordinatingAgencyIds: idsOf(agencyRows, 'coordinating'),
      requestedAgencyIds: idsOf(agencyRows, 'requested'),
    };
    const next = { ...current };
    if (input.content !== undefined) next.content = input.content;
    if (input.sectionPath !== undefined) next.sectionPath = input.sectionPath.trim();
    if (input.deadline !== undefined) next.deadline = input.deadline;
    if (input.recurrence !== undefined) next.recurrence = input.recurrence;
    if (input.campaignFrom !== undefined) next.campaignFrom = input.campaignFrom;
    if (input.campaignTo !== undefined) next.campaignTo = input.campaignTo;
    if (input.leadAgencyId !== undefined) next.leadAgencyId = input.leadAgencyId;
    if (input.coordinatingAgencyIds !== undefined) next.coordinatingAgencyIds = [...new Set(input.coordinatingAgencyIds)];
    if (input.requestedAgencyIds !== undefined) next.requestedAgencyIds = [...new Set(input.requestedAgencyIds)];
    if (input.phase !== undefined) next.phase = input.phase;
    else if (next.deadline !== current.deadline) next.phase = phaseOf(plan.phases, next.deadline) ?? current.phase;
    assertCampaign(next.campaignFrom, next.campaignTo);

    const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
      (key) => JSON.stringify(next[key]) !== JSON.stringify(current[key]),
    );
    if (!changed.length) return null;

    let section: { id: string; heading: string } | undefined;
    if (changed.includes('sectionPath') && next.sectionPath) {
      section = await planSectionAt(db, row.planId, next.sectionPath);
      if (!section) throw invalid('sectionPath', `Kế hoạch không có mục "${next.sectionPath}".`);
    }
    const roleChanges: [Role, string[]][] = [];
    if (changed.includes('leadAgencyId')) roleChanges.push(['lead', next.leadAgencyId ? [next.leadAgencyId] : []]);
    if (changed.includes('coordinatingAgencyIds')) roleChanges.push(['coordinating', next.coordinatingAgencyIds]);
    if (changed.includes('requestedAgencyIds')) roleChanges.push(['requested', next.requestedAgencyIds]);
    const names = await agencyNamesById(
      db,
      roleChanges.flatMap(([, ids]) => ids),
    );
    const timingChanged = ['deadline', 'recurrence', 'campaignFrom', 'campaignTo'].some((key) => changed.includes(key as never));

    return { id, status, plan, current, next, changed, section, roleChanges, names, timingChanged };
  }

  /** The edit inside the command's transaction: the row (from the state decided on), agencies, periods. */
  async function applyEdit(tx: Transaction, row: EditedTask, edit: NonNullable<Awaited<ReturnType<typeof prepareEdit>>>) {
    const { id, status, plan, next, changed, section, roleChanges, names, timingChanged } = edit;
    const { agencyRows } = row;
    {
      const changes: TaskChanges = { updatedAt: clock() };
      if (changed.includes('content')) changes.content = next.content;
      if (changed.includes('sectionPath')) {
        changes.sectionPath = next.sectionPath;
        changes.sectionId = section?.id ?? null;
        changes.sectionTitle = section?.heading ?? '';
      }
      if (changed.includes('phase')) changes.phase = next.phase;
      if (changed.includes('deadline')) {
        changes.deadline = next.deadline;
        // The phrase as the document wrote it no longer describes the corrected date.
        changes.deadlineText = null;
      }
      if (changed.includes('recurrence')) changes.recurrence = next.recurrence;
      if (changed.includes('campaignFrom')) changes.campaignFrom = next.campaignFrom;
      if (changed.includes('campaignTo')) changes.campaignTo = next.campaignTo;
      if (roleChanges.length) {
        // Rewritten in one order (lead, coordinating, requested); a role not corrected keeps its rows,
        // names as written included; a corrected one drops its unmapped names, the registry now speaks.
        const replaced = new Map(roleChanges);
        const rows = (['lead', 'coordinating', 'requested'] as const).flatMap((role) =>
          replaced.has(role)
            ? replaced
                .get(role)!
                .map((agencyId) => ({ agencyId: agencyId as string | null, nameAsWritten: names.get(agencyId) ?? '', role }))
            : agencyRows.filter((a) => a.role === role).map((a) => ({ agencyId: a.agencyId, nameAsWritten: a.nameAsWritten, role })),
        );
        await replaceTaskAgencies(tx, id, rows);
        changes.leadAgencyId = next.leadAgencyId;
        changes.agencyIds = [
          ...new Set([...(next.leadAgencyId ? [next.leadAgencyId] : []), ...next.coordinatingAgencyIds, ...next.requestedAgencyIds]),
        ];
      }
      // Only from the state the decision was taken on: a concurrent acceptance makes this a conflict.
      if (!(await updateTaskInStatus(tx, id, status, changes))) throw new AppError('resource.version_conflict');
      if (roleChanges.length) await refreshPlanAgencies(tx, row.planId);

      // New periods for a new schedule; periods already reported on stay with their history.
      const occurrenceChanges = { removed: [] as string[], added: [] as string[] };
      if (timingChanged) {
        const existing = await occurrencesWithReportsOf(tx, id);
        const kept = existing.filter((o) => o.reported);
        const removed = existing.filter((o) => !o.reported);
        if (removed.length)
          await deleteOccurrences(
            tx,
            removed.map((o) => o.id),
          );
        const wanted = occurrencePlanOf(next, plan).filter(
          (o) => !kept.some((k) => k.periodFrom === o.periodFrom && k.periodTo === o.periodTo),
        );
        if (wanted.length) await insertOccurrences(tx, id, wanted);
        occurrenceChanges.removed = removed.map((o) => o.periodLabel);
        occurrenceChanges.added = wanted.map((o) => o.periodLabel);
      }
      return occurrenceChanges;
    }
  }

  return { create, update };
}
