import type { Database, Executor } from '@atmis/db';
import {
  canAccess,
  scopeFilterFor,
  type Actor,
  type CreatePlanBody,
  type PlanDetail,
  type PlanView,
  type UpdatePlanBody,
  formatVietnamTimeOfDay,
  planActionsFor,
  planWorkflow,
  type PlanContext,
  type PlanTransition,
} from '@atmis/domain';
import { addDays, documentNumberKey, DUE_SOON_DAYS, splitDocumentNumber, vietnamToday } from '@atmis/domain/plans/index';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log.ts';
import { runCommand } from '../../platform/commands/run-command.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { planIssuedEvent } from '../../platform/outbox/hand-over-events.ts';
import { filesOfOwners } from '../../platform/files/files.repository.ts';
import { attachFiles, presentFile } from '../../platform/files/files.service.ts';
import { insertPlanGraph, refreshPlanAgencies } from './plan-graph.repository.ts';
import { phaseOf } from './plan-graph.ts';
import {
  agencyExists,
  bumpPlanVersion,
  cascadeOf,
  findPlanInScope,
  findPlansByReference,
  listPlans,
  loadPlanExtras,
  markPlanIssued,
  missingAgencyIds,
  orgUnitExists,
  planVersionOf,
  presentPlanRow,
  taskLeadsOfPlan,
  tasksWithoutLeadOfPlan,
  taskSummaryOf,
  touchPlan,
  updatePlanFields,
  type PlanChanges,
  type PlanRow,
} from './plans.repository.ts';

const invalid = (path: string, message: string) => new AppError('validation.failed', {}, [{ path, message }]);

/** 409 plan.stale: when the plan was last saved and its current version. */
async function planStaleError(executor: Executor, id: string): Promise<AppError> {
  const current = await planVersionOf(executor, id);
  return new AppError(
    'plan.stale',
    { time: current ? formatVietnamTimeOfDay(current.updatedAt) : '', version: current?.version ?? '' },
    [],
    {
      currentVersion: current?.version ?? 0,
    },
  );
}

export function createPlansService({ db, clock }: { db: Database; clock: () => Date }) {
  function canManage(actor: Actor, orgUnitId: string) {
    return canAccess(actor, 'manage:plans', { orgUnitId });
  }

  function withActions(actor: Actor, row: PlanRow): PlanView {
    // The buttons a plan shows are the transitions its workflow allows this actor now.
    return { ...presentPlanRow(row), allowedActions: planActionsFor(row.status, canManage(actor, row.orgUnitId)) };
  }

  async function list(
    actor: Actor,
    query: {
      limit: number;
      cursor?: string | undefined;
      q?: string | undefined;
      status?: 'draft' | 'issued' | 'superseded' | undefined;
      parentPlanId?: string | undefined;
    },
  ) {
    const after = decodeCursor(query.cursor, 1) as [string] | null;
    const page = await listPlans(db, scopeFilterFor(actor, 'read:plans'), { ...query, after: after?.[0] ?? null });
    const items = page.rows.map((row) => withActions(actor, row));
    const last = items.at(-1);
    return { items, total: page.total, nextCursor: page.hasMore && last ? encodeCursor([last.id]) : null };
  }

  async function requireVisible(actor: Actor, id: string): Promise<PlanRow> {
    const row = await findPlanInScope(db, scopeFilterFor(actor, 'read:plans'), id);
    if (!row) throw notFound();
    return row;
  }

  /** A plan the actor may change: visible (else 404) and within their manage:plans reach (else 404 too). */
  /** The plan workflow's answer for a manager (requireManageable has checked manage:plans): its 409 when the state refuses. */
  function requirePlanTransition(plan: PlanRow, action: PlanTransition, facts: Omit<PlanContext, 'parties'> = {}) {
    const outcome = planWorkflow.transition(plan.status, action, { parties: new Set(['manage:plans']), ...facts });
    if (!outcome.ok) throw new AppError(outcome.refused, outcome.params);
  }

  async function requireManageable(actor: Actor, id: string): Promise<PlanRow> {
    const row = await requireVisible(actor, id);
    if (!canManage(actor, row.orgUnitId)) throw notFound();
    return row;
  }

  /** Marks each reference that names a plan the reader can see with `linkedPlanId`/`linkedPlanTitle`. */
  async function linkLegalBasis(actor: Actor, references: PlanDetail['legalBasis']): Promise<PlanDetail['legalBasis']> {
    const wanted = references.map((ref) => splitDocumentNumber(ref.number)).filter((ref) => ref !== null);
    const found = await findPlansByReference(db, scopeFilterFor(actor, 'read:plans'), wanted);
    const byKey = new Map(found.map((plan) => [documentNumberKey(plan.number, plan.symbol), plan]));
    return references.map((ref) => {
      const parts = splitDocumentNumber(ref.number);
      const plan = parts ? byKey.get(documentNumberKey(parts.number, parts.symbol)) : undefined;
      return plan ? { ...ref, linkedPlanId: plan.id, linkedPlanTitle: plan.title } : ref;
    });
  }

  async function get(actor: Actor, id: string): Promise<PlanDetail> {
    const row = await requireVisible(actor, id);
    const extras = await loadPlanExtras(db, id);
    const today = vietnamToday(clock());
    const taskSummary = await taskSummaryOf(db, id, today, addDays(today, DUE_SOON_DAYS));
    // Who has (not) issued an implementing plan is the standing office's concern.
    const cascade = canManage(actor, row.orgUnitId) ? await cascadeOf(db, row) : { expected: [], expectedCount: 0, issuedCount: 0 };
    const parent = row.parentPlanId ? await findPlanInScope(db, scopeFilterFor(actor, 'read:plans'), row.parentPlanId) : null;
    return {
      ...withActions(actor, row),
      legalBasis: await linkLegalBasis(actor, extras.legalBasis),
      phases: extras.phases,
      reporting: extras.reporting,
      signer: extras.signer ?? null,
      recipients: extras.recipients,
      importWarnings: extras.importWarnings,
      parentPlan: parent ? { id: parent.id, title: parent.title, number: parent.number, symbol: parent.symbol } : null,
      targets: extras.targets,
      sections: extras.sections,
      taskSummary,
      cascade,
      attachments: (await filesOfOwners(db, 'plan', [id])).map(presentFile),
    };
  }

  async function assertReferences(
    actor: Actor,
    input: { issuerAgencyId?: string | null | undefined; parentPlanId?: string | null | undefined },
    selfId?: string,
  ) {
    if (input.issuerAgencyId && !(await agencyExists(db, input.issuerAgencyId)))
      throw invalid('issuerAgencyId', 'Cơ quan ban hành không tồn tại.');
    if (input.parentPlanId) {
      if (input.parentPlanId === selfId) throw invalid('parentPlanId', 'Kế hoạch không thể thực hiện chính nó.');
      if (!(await findPlanInScope(db, scopeFilterFor(actor, 'read:plans'), input.parentPlanId)))
        throw invalid('parentPlanId', 'Kế hoạch cấp trên không tồn tại hoặc ngoài phạm vi.');
    }
  }

  function assertPeriod(from: string | null | undefined, to: string | null | undefined) {
    if (from && to && to < from) throw invalid('periodTo', 'Thời gian kết thúc trước thời gian bắt đầu.');
  }

  async function create(actor: Actor, input: CreatePlanBody, context: AuditContext): Promise<PlanDetail> {
    await assertReferences(actor, input);
    assertPeriod(input.periodFrom, input.periodTo);
    const issuer = input.issuerAgencyId ? await agencyExists(db, input.issuerAgencyId) : null;
    const orgUnitId = input.orgUnitId ?? issuer?.orgUnitId ?? actor.orgUnitId;
    if (!(await orgUnitExists(db, orgUnitId))) throw invalid('orgUnitId', 'Đơn vị hành chính không tồn tại.');
    if (!canManage(actor, orgUnitId)) throw new AppError('auth.forbidden');
    const taskAgencyIds = (input.tasks ?? []).flatMap((task) => [
      ...(task.leadAgencyId ? [task.leadAgencyId] : []),
      ...(task.coordinatingAgencyIds ?? []),
      ...(task.requestedAgencyIds ?? []),
    ]);
    const missing = await missingAgencyIds(db, taskAgencyIds);
    if (missing.length) throw invalid('tasks', `Cơ quan không tồn tại hoặc đã hết hiệu lực: ${missing.join(', ')}`);
    const sectionTitles = new Map((input.sections ?? []).map((section) => [section.path, section.heading]));
    const phases = (input.phases ?? []).map((phase) => ({ label: phase.label, from: phase.from ?? null, to: phase.to ?? null }));
    const planId = await db.transaction(async (tx) => {
      const { planId: id, taskIds } = await insertPlanGraph(tx, {
        plan: {
          number: input.number ?? null,
          symbol: input.symbol ?? null,
          issuerAgencyId: input.issuerAgencyId ?? null,
          issuerName: input.issuerName ?? issuer?.name ?? null,
          place: input.place ?? null,
          issueDate: input.issueDate ?? null,
          title: input.title,
          legalBasis: (input.legalBasis ?? []).map((ref) => ({
            kind: ref.kind,
            number: ref.number ?? null,
            date: ref.date ?? null,
            issuer: ref.issuer ?? null,
            title: ref.title ?? null,
          })),
          periodFrom: input.periodFrom ?? null,
          periodTo: input.periodTo ?? null,
          orientationTo: input.orientationTo ?? null,
          phases,
          reporting: [],
          status: 'draft',
          signer: input.signerTitle || input.signerName ? { title: input.signerTitle ?? null, name: input.signerName ?? null } : null,
          recipients: input.recipients ?? [],
          parentPlanId: input.parentPlanId ?? null,
          orgUnitId,
          importWarnings: [],
          createdBy: actor.userId,
        },
        targets: (input.targets ?? []).map((target) => ({
          text: target.text,
          comparator: target.comparator,
          value: target.value,
          unit: target.unit,
          noun: target.noun ?? null,
          sectionPath: target.sectionPath ?? null,
        })),
        sections: input.sections ?? [],
        tasks: (input.tasks ?? []).map((task) => ({
          sectionPath: task.sectionPath ?? '',
          sectionTitle: sectionTitles.get(task.sectionPath ?? '') ?? '',
          content: task.content,
          context: null,
          agencies: [
            ...(task.leadAgencyId ? [{ agencyId: task.leadAgencyId, nameAsWritten: '', role: 'lead' as const }] : []),
            ...(task.coordinatingAgencyIds ?? []).map((agencyId) => ({ agencyId, nameAsWritten: '', role: 'coordinating' as const })),
            ...(task.requestedAgencyIds ?? []).map((agencyId) => ({ agencyId, nameAsWritten: '', role: 'requested' as const })),
          ],
          phase: task.phase ?? phaseOf(phases, task.deadline ?? null),
          deadline: task.deadline ?? null,
          deadlineText: null,
          recurrence: task.recurrence ?? null,
          campaignFrom: task.campaignFrom ?? null,
          campaignTo: task.campaignTo ?? null,
        })),
      });
      await recordAudit(
        tx,
        context,
        {
          action: 'plan.created',
          entityType: 'plan',
          entityId: id,
          orgUnitId,
          details: { title: input.title, number: input.number ?? null, symbol: input.symbol ?? null, tasks: taskIds.length },
        },
        clock(),
      );
      return id;
    });
    return get(actor, planId);
  }

  async function update(actor: Actor, id: string, input: UpdatePlanBody, context: AuditContext): Promise<PlanDetail> {
    const { version: expectedVersion, ...fields } = input;
    await runCommand(db, context, clock, {
      load: () => requireManageable(actor, id),
      authorise: (plan) => requirePlanTransition(plan, 'update'),
      expectedVersion,
      prepare: async (plan) => {
        await assertReferences(actor, fields, id);
        assertPeriod(fields.periodFrom ?? plan.periodFrom, fields.periodTo ?? plan.periodTo);
        const { signerTitle, signerName, legalBasis, phases, ...rest } = fields;
        const changes: PlanChanges = { ...rest };
        if (legalBasis)
          changes.legalBasis = legalBasis.map((ref) => ({
            kind: ref.kind,
            number: ref.number ?? null,
            date: ref.date ?? null,
            issuer: ref.issuer ?? null,
            title: ref.title ?? null,
          }));
        if (phases) changes.phases = phases.map((phase) => ({ label: phase.label, from: phase.from ?? null, to: phase.to ?? null }));
        if (signerTitle !== undefined || signerName !== undefined)
          changes.signer = { title: signerTitle ?? null, name: signerName ?? null };
        return Object.keys(changes).length ? changes : null;
      },
      bumpVersion: (tx, _plan, expected) => bumpPlanVersion(tx, id, expected),
      stale: (executor) => planStaleError(executor, id),
      apply: async (tx, _plan, changes) => {
        await updatePlanFields(tx, id, changes, clock());
        if (changes.issuerAgencyId !== undefined) await refreshPlanAgencies(tx, id);
      },
      audit: (plan, changes) => ({
        action: 'plan.updated',
        entityType: 'plan',
        entityId: id,
        orgUnitId: plan.orgUnitId,
        details: { changed: Object.keys(changes), after: fields },
      }),
    });
    return get(actor, id);
  }

  /** Issuing is the reviewer's explicit act: the plan leaves draft, its tasks are in force and each lead agency is told. */
  async function issue(actor: Actor, id: string, context: AuditContext): Promise<PlanDetail> {
    await runCommand(db, context, clock, {
      load: () => requireManageable(actor, id),
      // Every task must have its lead agency first (the workflow's guard quotes those that have none).
      authorise: async (plan) => requirePlanTransition(plan, 'issue', { tasksWithoutLead: await tasksWithoutLeadOfPlan(db, id) }),
      prepare: async () => ({ leads: await taskLeadsOfPlan(db, id) }),
      bumpVersion: (tx, _plan, expected) => bumpPlanVersion(tx, id, expected),
      stale: (executor) => planStaleError(executor, id),
      apply: (tx) => markPlanIssued(tx, id, clock()),
      audit: (plan) => ({
        action: 'plan.issued',
        entityType: 'plan',
        entityId: id,
        orgUnitId: plan.orgUnitId,
        details: { title: plan.title },
      }),
      outbox: (plan, { leads }) =>
        leads.length ? [planIssuedEvent({ actorUserId: actor.userId, planId: id, planTitle: plan.title, leads })] : [],
    });
    return get(actor, id);
  }

  /**
   * Links files the actor uploaded (POST /files) and has not attached elsewhere to the plan; they
   * are then readable by whoever may read the plan.
   */
  async function attach(actor: Actor, id: string, input: { fileIds: string[] }, context: AuditContext): Promise<PlanDetail> {
    const plan = await requireManageable(actor, id);
    const fileIds = [...new Set(input.fileIds)];
    await db.transaction(async (tx) => {
      await attachFiles(tx, actor, fileIds, 'plan', id);
      await touchPlan(tx, id, clock());
      await recordAudit(
        tx,
        context,
        {
          action: 'plan.files_attached',
          entityType: 'plan',
          entityId: id,
          orgUnitId: plan.orgUnitId,
          details: { fileIds, before: { ownerType: null, ownerId: null }, after: { ownerType: 'plan', ownerId: id } },
        },
        clock(),
      );
    });
    return get(actor, id);
  }

  return { list, get, create, update, issue, attach, requireVisible, canManage };
}
