import type { Database, Executor } from '@atmis/db';
import {
  consolidationStanding,
  describeReportIssue,
  isEditableReportStatus,
  nextReportStatus,
  parseReportInput,
  REPORT_STATUS_LABELS,
  reportActionsFor,
  reportRelationsOf,
  statusAfterSave,
  submissionBlockers,
  submissionState,
  validateReport,
  type Actor,
  type AuditAction,
  type Locale,
  type ReportAccessRecord,
  type ReportContent,
  type ReportDetail,
  type ReportIssue,
  type ReportStatus,
  type ReportTemplateDefinition,
  type ReportTransition,
  type ReportView,
  type SaveReportBody,
  formatVietnamDate,
  formatVietnamTimeOfDay,
} from '@atmis/domain';
import { vietnamToday } from '@atmis/domain/plans/index';
import type { AuditContext } from '../../platform/audit/audit-log.ts';
import { runCommand } from '../../platform/commands/run-command.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { keysetCursor, toIso } from '../../platform/http/pagination.ts';
import { HAND_OVER_EVENTS, reportHandOverEvent, type HandOverEventType } from '../../platform/outbox/hand-over-events.ts';
import { EMPTY_PREFILL, type PrefillRegistry } from '../../platform/prefill/prefill-registry.ts';
import { materialiseSchedule, periodOf } from './report-periods.ts';
import { presentTemplateDetail } from './report-templates.service.ts';
import {
  activeScheduleIds,
  applyReportChange,
  bumpReportVersion,
  eventsOf,
  findReport,
  findTemplate,
  insertReportEvent,
  lastConsolidation,
  listReports,
  reportLastSaved,
  reportListPage,
  reportScope,
  reportsByIds,
  unitReportsOfPeriod,
  scheduleRecipientAgency,
  scheduleScope,
  standingOfficeAgencyOf,
  userName,
  type ReportChanges,
  type ReportListQuery,
  type ReportRow,
} from './reports.repository.ts';

type ListRow = Omit<ReportRow, 'content'>;
type ReviewTransition = Extract<ReportTransition, 'return' | 'accept' | 'lock' | 'unlock'>;

/** Vietnamese labels of what a user tried, for "cannot … while …" messages. */
const ACTION_LABELS: Record<ReportTransition | 'extend', string> = {
  save: 'lưu báo cáo',
  submit: 'gửi báo cáo',
  resubmit: 'gửi lại báo cáo',
  return: 'trả lại báo cáo',
  accept: 'chấp nhận báo cáo',
  lock: 'khóa số liệu',
  unlock: 'mở khóa',
  extend: 'gia hạn',
};

const AUDIT: Record<ReportTransition | 'extend', AuditAction> = {
  save: 'report.saved',
  submit: 'report.submitted',
  resubmit: 'report.submitted',
  return: 'report.returned',
  accept: 'report.accepted',
  lock: 'report.locked',
  unlock: 'report.unlocked',
  extend: 'report.deadline_extended',
};

export function accessRecordOf(
  row: Pick<ListRow, 'orgUnitId' | 'agencyId' | 'recipientOrgUnitId' | 'status' | 'kind'>,
): ReportAccessRecord {
  return {
    orgUnitId: row.orgUnitId,
    agencyId: row.agencyId,
    recipientOrgUnitId: row.recipientOrgUnitId,
    status: row.status,
    kind: row.kind,
  };
}

export function issuesToErrors(issues: readonly ReportIssue[], locale: Locale) {
  return issues.map((issue) => ({ path: issue.path, message: describeReportIssue(issue, locale) }));
}

export function createReportsService({ db, clock, prefill }: { db: Database; clock: () => Date; prefill: PrefillRegistry }) {
  const today = () => vietnamToday(clock());
  /** Schedules brought up to date today (reports exist up to the current period); a per-process shortcut. */
  const materialisedOn = new Map<string, string>();

  async function materialise(executor: Executor, scheduleId: string, force = false): Promise<number> {
    const day = today();
    if (!force && materialisedOn.get(scheduleId) === day) return 0;
    const created = await materialiseSchedule(executor, scheduleId, day, clock());
    materialisedOn.set(scheduleId, day);
    return created;
  }

  /** Before a reader's list: every active schedule they reach has its reports up to today. */
  async function materialiseForReader(actor: Actor): Promise<void> {
    const schedules = await activeScheduleIds(db, scheduleScope(actor));
    const day = today();
    const pending = schedules.filter((id) => materialisedOn.get(id) !== day);
    if (!pending.length) return;
    await db.transaction(async (tx) => {
      for (const id of pending) await materialise(tx, id);
    });
  }

  function present(actor: Actor, row: ListRow): ReportView {
    const period = periodOf(row.periodId, row.window);
    if (!period) throw new Error(`report ${row.id}: unreadable period ${row.periodId}`);
    const timing = submissionState({ status: row.status, firstSubmittedAt: row.firstSubmittedAt, dueDate: row.dueDate }, clock());
    return {
      id: row.id,
      kind: row.kind,
      scheduleId: row.scheduleId,
      scheduleName: row.scheduleName,
      templateId: row.templateId,
      templateName: row.templateName,
      templateVersion: row.templateVersion,
      period,
      orgUnitId: row.orgUnitId,
      orgUnitName: row.orgUnitName,
      agencyId: row.agencyId,
      agencyName: row.agencyName,
      recipientOrgUnitId: row.recipientOrgUnitId,
      recipientOrgUnitName: row.recipientOrgUnitName,
      status: row.status,
      state: timing.state,
      late: timing.late,
      overdue: timing.overdue,
      dueDate: row.dueDate,
      dueDateExtended: row.dueDateExtended,
      firstSubmittedAt: toIso(row.firstSubmittedAt),
      submittedAt: toIso(row.submittedAt),
      version: row.version,
      updatedAt: toIso(row.updatedAt) as string,
      allowedActions: reportActionsFor(actor, accessRecordOf(row)),
    };
  }

  async function list(actor: Actor, query: ReportListQuery) {
    const listPage = reportListPage(query.sort, query.cursor); // a bad cursor is refused before anything is written
    await materialiseForReader(actor);
    const { rows, total } = await listReports(db, actor, listPage, query);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1) as (ListRow & { sortValue: string | Date }) | undefined;
    return {
      items: page.map((row) => present(actor, row)),
      total,
      nextCursor: rows.length > query.limit && last ? keysetCursor(listPage.sort, last.sortValue, last.id) : null,
    };
  }

  async function load(actor: Actor, id: string): Promise<ReportRow> {
    const row = await findReport(db, id, reportScope(actor));
    if (!row) throw notFound();
    return row;
  }

  async function definitionOf(templateId: string) {
    const template = await findTemplate(db, templateId);
    if (!template) throw new Error(`template ${templateId} missing`);
    return { template, definition: template.definition as unknown as ReportTemplateDefinition };
  }

  async function get(actor: Actor, id: string, locale: Locale): Promise<ReportDetail> {
    const row = await load(actor, id);
    const view = present(actor, row);
    const { template, definition } = await definitionOf(row.templateId);
    const content = row.content as unknown as ReportContent;
    const events = await eventsOf(db, id);
    let consolidation: ReportDetail['consolidation'] = null;
    if (row.kind === 'consolidated') {
      const last = await lastConsolidation(db, id);
      const sourceIds = Array.isArray(last?.details.sourceIds) ? (last.details.sourceIds as string[]) : [];
      const sources = sourceIds.length ? await reportsByIds(db, sourceIds) : [];
      // What the last consolidation left out, and why (nothing is left out silently).
      const others = (await unitReportsOfPeriod(db, row.scheduleId, row.periodId)).filter((unit) => !sourceIds.includes(unit.id));
      const byName = (a: { agencyName: string }, b: { agencyName: string }) => a.agencyName.localeCompare(b.agencyName, 'vi');
      consolidation = {
        sources: sources.sort(byName).map((source) => ({ id: source.id, agencyName: source.agencyName, status: source.status })),
        leftOut: others
          .sort(byName)
          .map((unit) => ({ id: unit.id, agencyName: unit.agencyName, status: unit.status, standing: consolidationStanding(unit.status) })),
        contributions: (last?.details.contributions ?? {}) as NonNullable<ReportDetail['consolidation']>['contributions'],
        consolidatedAt: last ? toIso(last.createdAt) : null,
      };
    }
    return {
      ...view,
      template: presentTemplateDetail(template),
      content,
      issues: validateReport(definition, content).map((issue) => ({
        code: issue.code,
        severity: issue.severity,
        path: issue.path,
        key: issue.key,
        message: describeReportIssue(issue, locale),
      })),
      events: events.map((event) => ({
        id: event.id,
        action: event.action,
        fromStatus: event.fromStatus,
        toStatus: event.toStatus,
        comment: event.comment,
        actorName: event.actorName,
        createdAt: toIso(event.createdAt) as string,
      })),
      prefill:
        row.kind === 'unit'
          ? await prefill.prefillFor(db, definition, content, {
              orgUnitId: row.orgUnitId,
              agencyId: row.agencyId,
              window: { start: view.period.start, end: view.period.end },
            })
          : EMPTY_PREFILL,
      consolidation,
    };
  }

  async function staleError(row: { id: string }): Promise<AppError> {
    const current = await reportLastSaved(db, row.id);
    const actor = (await userName(db, current?.updatedBy ?? null)) ?? 'người khác';
    return new AppError('report.stale', { actor, time: current ? formatVietnamTimeOfDay(current.updatedAt) : '' }, [], {
      currentVersion: current?.version ?? 0,
    });
  }

  /** The relation an action needs: a reporter saves and submits, a reviewer decides. 403 without it. */
  function requireParty(actor: Actor, row: ReportRow, party: 'reporter' | 'reviewer') {
    const relations = reportRelationsOf(actor, accessRecordOf(row));
    if (party === 'reporter' ? !relations.isReporter : !relations.isReviewer) throw new AppError('auth.forbidden');
  }

  function notAllowed(action: ReportTransition | 'extend', status: ReportStatus): AppError {
    return new AppError('report.transition_not_allowed', { action: ACTION_LABELS[action], status: REPORT_STATUS_LABELS[status].vi });
  }

  interface WriteInput {
    row: ReportRow;
    action: ReportTransition | 'extend';
    to: ReportStatus;
    changes: ReportChanges;
    /** The version the writer saw; the write is refused (409) when the report moved on since. */
    expectedVersion: number;
    comment?: string | null;
    details?: Record<string, unknown>;
    audit?: Record<string, unknown>;
    /** The agency the report is handed to by this write, and the hand-over it is (an outbox event). */
    handOver?: { type: HandOverEventType; recipientAgencyId: string } | null;
  }

  /**
   * One write, through the command pipeline: from the version the writer saw (409 report.stale
   * otherwise), the row, its history line, audit and the hand-over event; one transaction.
   */
  async function write(actor: Actor, input: WriteInput, context: AuditContext): Promise<void> {
    const { row } = input;
    await runCommand(db, context, clock, {
      load: async () => row,
      expectedVersion: input.expectedVersion,
      bumpVersion: (tx, _row, expected) => bumpReportVersion(tx, row.id, expected),
      stale: () => staleError(row),
      apply: (tx, _row, _prepared, version) =>
        applyReportChange(tx, row.id, { ...input.changes, status: input.to }, { userId: actor.userId, at: clock() }).then(() => version),
      history: (tx) =>
        insertReportEvent(tx, {
          instanceId: row.id,
          action: input.action,
          fromStatus: row.status,
          toStatus: input.to,
          comment: input.comment ?? null,
          details: input.details ?? {},
          actorUserId: actor.userId,
          createdAt: clock(),
        }),
      audit: (_row, _prepared, version) => ({
        action: AUDIT[input.action],
        entityType: 'report',
        entityId: row.id,
        orgUnitId: row.orgUnitId,
        details: {
          scheduleId: row.scheduleId,
          periodId: row.periodId,
          agencyId: row.agencyId,
          from: row.status,
          to: input.to,
          version,
          comment: input.comment ?? null,
          ...input.audit,
        },
      }),
      outbox: () =>
        input.handOver
          ? [
              reportHandOverEvent(input.handOver.type, {
                actorUserId: actor.userId,
                reportId: row.id,
                recipientAgencyId: input.handOver.recipientAgencyId,
                scheduleName: row.scheduleName,
                label: describe(row),
                agencyName: row.agencyName,
                resubmitted: input.action === 'resubmit',
                comment: input.comment ?? null,
                fromDueDate: typeof input.details?.fromDueDate === 'string' ? input.details.fromDueDate : null,
                toDueDate: typeof input.details?.toDueDate === 'string' ? input.details.toDueDate : null,
              }),
            ]
          : [],
    });
  }

  function describe(row: ReportRow): string {
    const period = periodOf(row.periodId, row.window);
    return `${row.kind === 'consolidated' ? 'Báo cáo tổng hợp' : 'Báo cáo'} ${row.scheduleName} – ${period?.label ?? row.periodId} của ${row.agencyName}`;
  }

  async function save(actor: Actor, id: string, body: SaveReportBody, context: AuditContext, locale: Locale): Promise<ReportDetail> {
    const row = await load(actor, id);
    requireParty(actor, row, 'reporter');
    const to = statusAfterSave(row.status);
    if (!to) throw new AppError('report.not_editable', { status: REPORT_STATUS_LABELS[row.status].vi });
    if (body.version !== row.version) throw await staleError(row);
    const { definition } = await definitionOf(row.templateId);
    const parsed = parseReportInput(definition, body.content);
    if (!parsed.ok) throw new AppError('report.invalid_content', {}, issuesToErrors(parsed.issues, locale));
    const before = row.content as unknown as ReportContent;
    await write(
      actor,
      {
        row,
        action: 'save',
        to,
        expectedVersion: body.version,
        changes: { content: parsed.content as unknown as Record<string, unknown> },
        audit: changesOf(before, parsed.content),
      },
      context,
    );
    return get(actor, id, locale);
  }

  async function submit(actor: Actor, id: string, body: { version: number }, context: AuditContext, locale: Locale): Promise<ReportDetail> {
    const row = await load(actor, id);
    requireParty(actor, row, 'reporter');
    const transition: ReportTransition = row.status === 'returned' ? 'resubmit' : 'submit';
    const to = nextReportStatus(row.status, transition);
    if (!to) throw notAllowed('submit', row.status);
    if (body.version !== row.version) throw await staleError(row);
    const { definition } = await definitionOf(row.templateId);
    const blockers = submissionBlockers(definition, row.content as unknown as ReportContent);
    if (blockers.length) throw new AppError('report.submission_blocked', { count: blockers.length }, issuesToErrors(blockers, locale));
    const now = clock();
    const recipientAgencyId = await recipientAgencyOf(row);
    await write(
      actor,
      {
        row,
        action: transition,
        to,
        expectedVersion: body.version,
        changes: { firstSubmittedAt: row.firstSubmittedAt ?? now, submittedAt: now },
        handOver: recipientAgencyId ? { type: HAND_OVER_EVENTS.reportSubmitted, recipientAgencyId } : null,
      },
      context,
    );
    return get(actor, id, locale);
  }

  /** Who hears of a submission: the schedule's recipient agency; for a consolidated report, the standing office one level up. */
  async function recipientAgencyOf(row: ReportRow): Promise<string | null> {
    if (row.kind === 'consolidated') return standingOfficeAgencyOf(db, row.recipientOrgUnitId);
    return scheduleRecipientAgency(db, row.scheduleId);
  }

  /** The decisions that hand the report back to its reporting agency. */
  const REVIEW_HAND_OVERS: Partial<Record<ReviewTransition, HandOverEventType>> = {
    return: HAND_OVER_EVENTS.reportReturned,
    accept: HAND_OVER_EVENTS.reportAccepted,
    unlock: HAND_OVER_EVENTS.reportUnlocked,
  };

  /** A reviewer's decision: return (comment), accept, lock, unlock (reason). */
  async function review(
    actor: Actor,
    id: string,
    transition: ReviewTransition,
    comment: string | null,
    context: AuditContext,
    locale: Locale,
  ): Promise<ReportDetail> {
    const row = await load(actor, id);
    requireParty(actor, row, 'reviewer');
    const to = nextReportStatus(row.status, transition);
    if (!to) throw notAllowed(transition, row.status);
    const now = clock();
    const changes: ReportChanges = {};
    if (transition === 'accept') changes.acceptedAt = now;
    if (transition === 'lock') changes.lockedAt = now;
    if (transition === 'unlock') changes.lockedAt = null;
    const handOver = REVIEW_HAND_OVERS[transition];
    await write(
      actor,
      {
        row,
        action: transition,
        to,
        expectedVersion: row.version,
        changes,
        comment,
        handOver: handOver ? { type: handOver, recipientAgencyId: row.agencyId } : null,
      },
      context,
    );
    return get(actor, id, locale);
  }

  /** A new deadline for a report still awaiting (re)submission, with a reason; timeliness is judged against it. */
  async function extend(
    actor: Actor,
    id: string,
    body: { dueDate: string; reason: string },
    context: AuditContext,
    locale: Locale,
  ): Promise<ReportDetail> {
    const row = await load(actor, id);
    requireParty(actor, row, 'reviewer');
    if (!isEditableReportStatus(row.status)) throw notAllowed('extend', row.status);
    if (body.dueDate <= row.dueDate)
      throw new AppError('validation.failed', {}, [
        { path: 'dueDate', message: `Hạn mới phải sau hạn hiện tại (${formatVietnamDate(row.dueDate)}).` },
      ]);
    await write(
      actor,
      {
        row,
        action: 'extend',
        to: row.status,
        expectedVersion: row.version,
        changes: { dueDate: body.dueDate, dueDateExtended: true },
        comment: body.reason,
        details: { fromDueDate: row.dueDate, toDueDate: body.dueDate },
        audit: { fromDueDate: row.dueDate, toDueDate: body.dueDate },
        handOver: { type: HAND_OVER_EVENTS.reportExtended, recipientAgencyId: row.agencyId },
      },
      context,
    );
    return get(actor, id, locale);
  }

  /** A report the actor sees, for an export (404 otherwise). */
  async function forExport(actor: Actor, id: string, locale: Locale) {
    const detail = await get(actor, id, locale);
    if (!detail.allowedActions.includes('export')) throw notFound();
    return detail;
  }

  return { list, get, save, submit, review, extend, forExport, materialise, present, load };
}

/** What a save changed, for the audit trail: the cells (before → after) and the sections and notes rewritten. */
function changesOf(before: ReportContent, after: ReportContent) {
  const cells: { path: string; before: number | null; after: number | null }[] = [];
  for (const [table, rows] of Object.entries(after.tables)) {
    for (const [row, columns] of Object.entries(rows)) {
      for (const [column, value] of Object.entries(columns)) {
        const previous = before.tables?.[table]?.[row]?.[column] ?? null;
        if (previous !== value) cells.push({ path: `tables.${table}.${row}.${column}`, before: previous, after: value });
      }
    }
  }
  const narratives = Object.keys(after.narratives).filter((key) => (before.narratives?.[key] ?? '') !== after.narratives[key]);
  const notes = [...new Set([...Object.keys(before.notes ?? {}), ...Object.keys(after.notes)])].filter(
    (key) => (before.notes?.[key] ?? null) !== (after.notes[key] ?? null),
  );
  return { cells: cells.slice(0, 500), cellsChanged: cells.length, narratives, notes };
}
