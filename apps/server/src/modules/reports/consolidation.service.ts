import type { Database, Executor } from '@atmis/db';
import {
  consolidateTables,
  dueDateFor,
  gatherNarratives,
  isEditableReportStatus,
  parsePeriodId,
  PERIOD_ID_ERRORS,
  REPORT_DUE_SOON_DAYS,
  REPORT_STATUS_LABELS,
  reminderKind,
  reportingRates,
  statusAfterSave,
  submissionState,
  type Actor,
  type DueRule,
  type Locale,
  type ReportContent,
  type ReportDetail,
  type ReportingPeriod,
  type ReportStatus,
  type ReportTemplateDefinition,
  type SubmissionMatrix,
  formatVietnamDate,
} from '@atmis/domain';
import { addDays, vietnamToday } from '@atmis/domain/plans/index';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { toIso } from '../../platform/http/pagination.ts';
import type { Mail, Mailer } from '../../platform/mail/mailer.ts';
import { notifyAgency } from '../notifications/index.ts';
import { orgUnitNamesById } from '../org-units/index.ts';
import { currentPeriod, materialiseSchedule, periodOf, periodsBetween, previousPeriod } from './report-periods.ts';
import type { createReportSchedulesService } from './report-schedules.service.ts';
import { presentSchedule } from './report-schedules.service.ts';
import {
  consolidatedReportOf,
  consolidationSources,
  dueReminderCandidates,
  insertReportIfAbsent,
  matrixReports,
  scheduleReminderCandidates,
  updateReportAtVersion,
} from './consolidation.repository.ts';
import { activeScheduleIds, findTemplate, insertReportEvent, reportersOf, type ScheduleRow } from './reports.repository.ts';
import type { createReportsService } from './reports.service.ts';
import { workingCalendarOf } from '../../platform/calendar/calendar.repository.ts';

const invalid = (path: string, message: string) => new AppError('validation.failed', {}, [{ path, message }]);
/** The most periods one matrix shows. */
const MAX_MATRIX_PERIODS = 24;
const DEFAULT_MATRIX_PERIODS = 4;

export const SYSTEM_CONTEXT: AuditContext = { actorUserId: null, actorUsername: 'system', ip: null, userAgent: null };

/**
 * Follow-up of a schedule by its reviewers: who has reported (the matrix and its rates), the
 * standing office's consolidated report, and reminders to those due soon or late.
 */
export function createConsolidationService(
  { db, clock }: { db: Database; clock: () => Date },
  schedules: ReturnType<typeof createReportSchedulesService>,
  reports: ReturnType<typeof createReportsService>,
  mailer: Mailer,
) {
  const today = () => vietnamToday(clock());

  /** A period of the schedule given by id: valid, of the schedule's type, not before its first nor after its last. */
  function schedulePeriod(schedule: ScheduleRow, id: string, path: string, locale: Locale): ReportingPeriod {
    const parsed = parsePeriodId(id, schedule.window);
    if (!parsed.ok) throw invalid(path, PERIOD_ID_ERRORS[parsed.reason][locale]);
    const period = parsed.period;
    const first = periodOf(schedule.firstPeriodId, schedule.window)!;
    const last = schedule.lastPeriodId ? periodOf(schedule.lastPeriodId, schedule.window) : null;
    if (period.type !== schedule.periodType || (schedule.periodType === 'ad_hoc' && period.id !== first.id))
      throw invalid(path, `Kỳ "${id}" không phải một kỳ của lịch báo cáo này.`);
    if (period.start < first.start) throw invalid(path, `Lịch báo cáo bắt đầu từ ${first.label}.`);
    if (last && period.start > last.start) throw invalid(path, `Lịch báo cáo kết thúc ở ${last.label}.`);
    return period;
  }

  async function matrix(actor: Actor, scheduleId: string, query: { from?: string | undefined; to?: string | undefined }, locale: Locale) {
    const schedule = await schedules.requireManaged(actor, scheduleId);
    await db.transaction(async (tx) => {
      await reports.materialise(tx, scheduleId);
    });
    const first = periodOf(schedule.firstPeriodId, schedule.window)!;
    const last = schedule.lastPeriodId ? periodOf(schedule.lastPeriodId, schedule.window) : null;
    const current = currentPeriod(schedule, today())!;
    let to = query.to ? schedulePeriod(schedule, query.to, 'to', locale) : last && last.start < current.start ? last : current;
    if (to.start < first.start) to = first;
    let from: ReportingPeriod;
    if (query.from) {
      from = schedulePeriod(schedule, query.from, 'from', locale);
      if (from.start > to.start) throw invalid('from', 'Kỳ bắt đầu phải trước hoặc trùng kỳ kết thúc.');
    } else {
      from = to;
      for (let i = 1; i < DEFAULT_MATRIX_PERIODS && schedule.periodType !== 'ad_hoc' && from.start > first.start; i++)
        from = previousPeriod(from);
    }
    const periods = periodsBetween(schedule, from, to, MAX_MATRIX_PERIODS + 1);
    if (periods.length > MAX_MATRIX_PERIODS) throw invalid('from', `Chỉ xem được tối đa ${MAX_MATRIX_PERIODS} kỳ một lần.`);
    const periodIds = periods.map((period) => period.id);
    const instances = await matrixReports(db, scheduleId, periodIds);
    const unitReports = instances.filter((instance) => instance.kind === 'unit');
    // Rows: today's reporters, then agencies that reported in these periods and were removed since.
    const rows = (await reportersOf(db, scheduleId)).map((r) => ({ ...r }));
    for (const instance of unitReports) {
      if (!rows.some((row) => row.agencyId === instance.agencyId))
        rows.push({ agencyId: instance.agencyId, agencyName: instance.agencyName, orgUnitId: instance.orgUnitId, orgUnitName: '' });
    }
    const unitNames = await orgUnitNamesById(
      db,
      rows.filter((row) => !row.orgUnitName).map((row) => row.orgUnitId),
    );
    const now = clock();
    const calendar = await workingCalendarOf(db);
    const result: SubmissionMatrix = {
      schedule: presentSchedule(actor, schedule, locale),
      periods: periods.map((period) => ({ ...period, dueDate: dueDateFor(schedule.dueRule as DueRule, period, calendar) })),
      rows: rows.map((row) => ({
        agencyId: row.agencyId,
        agencyName: row.agencyName,
        orgUnitId: row.orgUnitId,
        orgUnitName: row.orgUnitName || (unitNames.get(row.orgUnitId) ?? row.orgUnitId),
        cells: periods.map((period) => {
          const instance = unitReports.find((r) => r.periodId === period.id && r.agencyId === row.agencyId);
          if (!instance)
            return {
              periodId: period.id,
              instanceId: null,
              status: null,
              state: 'missing' as const,
              late: false,
              overdue: false,
              dueDate: null,
              firstSubmittedAt: null,
            };
          const timing = submissionState(instance, now);
          return {
            periodId: period.id,
            instanceId: instance.id,
            status: instance.status,
            state: timing.state,
            late: timing.late,
            overdue: timing.overdue,
            dueDate: instance.dueDate,
            firstSubmittedAt: toIso(instance.firstSubmittedAt),
          };
        }),
      })),
      rates: Object.fromEntries(
        periods.map((period) => [
          period.id,
          reportingRates(
            unitReports
              .filter((r) => r.periodId === period.id)
              .map((r) => ({ unitKey: r.agencyId, firstSubmittedAt: r.firstSubmittedAt, dueDate: r.dueDate })),
          ),
        ]),
      ),
      consolidated: Object.fromEntries(
        periods.map((period) => {
          const consolidated = instances.find((r) => r.kind === 'consolidated' && r.periodId === period.id);
          return [period.id, consolidated ? { instanceId: consolidated.id, status: consolidated.status } : null];
        }),
      ),
    };
    return result;
  }

  /**
   * The standing office's consolidated report of a period: created, or refreshed while it is still
   * editable. Tables are the sums of the accepted (or locked) unit reports; narratives are gathered
   * from them unless the office already edited its own (and did not ask to gather them again).
   */
  async function consolidate(
    actor: Actor,
    scheduleId: string,
    periodId: string,
    body: { regatherNarratives: boolean },
    context: AuditContext,
    locale: Locale,
  ): Promise<ReportDetail> {
    const schedule = await schedules.requireManaged(actor, scheduleId);
    const period = schedulePeriod(schedule, periodId, 'periodId', locale);
    if (!schedule.orgUnitParentId) throw new AppError('report.no_parent_unit', { unit: schedule.orgUnitName });
    const template = await findTemplate(db, schedule.templateId);
    const definition = template!.definition as unknown as ReportTemplateDefinition;
    const sources = await consolidationSources(db, scheduleId, period.id);
    const units = sources.map((source) => ({
      unitId: source.agencyId,
      unitName: source.agencyName,
      content: source.content as unknown as ReportContent,
    }));
    const consolidated = consolidateTables(definition, units);
    const existing = await consolidatedReportOf(db, scheduleId, period.id);
    if (existing && !isEditableReportStatus(existing.status))
      throw new AppError('report.not_editable', { status: REPORT_STATUS_LABELS[existing.status].vi });
    const previous = existing?.content as unknown as ReportContent | undefined;
    const keepNarratives = Boolean(existing?.edited && previous && !body.regatherNarratives);
    const content: ReportContent = {
      narratives: keepNarratives ? previous!.narratives : gatherNarratives(definition, units),
      tables: consolidated.tables,
      notes: previous?.notes ?? {},
    };
    const from: ReportStatus = existing?.status ?? 'not_started';
    const to = statusAfterSave(from)!;
    const now = clock();
    const id = await db.transaction(async (tx) => {
      let instanceId: string;
      if (existing) {
        const saved = await updateReportAtVersion(tx, existing.id, existing.version, {
          content,
          status: to,
          updatedBy: actor.userId,
          updatedAt: now,
        });
        if (!saved) throw new AppError('resource.version_conflict');
        instanceId = existing.id;
      } else {
        const inserted = await insertReportIfAbsent(tx, {
          kind: 'consolidated',
          scheduleId,
          templateId: schedule.templateId,
          periodId: period.id,
          periodStart: period.start,
          periodEnd: period.end,
          orgUnitId: schedule.orgUnitId,
          agencyId: schedule.recipientAgencyId,
          recipientOrgUnitId: schedule.orgUnitParentId!,
          status: to,
          content,
          dueDate: dueDateFor(schedule.upwardDueRule as DueRule, period, await workingCalendarOf(tx)),
          updatedBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        if (!inserted) throw new AppError('resource.version_conflict');
        instanceId = inserted;
      }
      const sourceIds = sources.map((source) => source.id);
      await insertReportEvent(tx, {
        instanceId,
        action: 'consolidate',
        fromStatus: from,
        toStatus: to,
        comment: null,
        details: { sourceIds, contributions: consolidated.contributions, narrativesGathered: !keepNarratives },
        actorUserId: actor.userId,
        createdAt: now,
      });
      await recordAudit(
        tx,
        context,
        {
          action: 'report.consolidated',
          entityType: 'report',
          entityId: instanceId,
          orgUnitId: schedule.orgUnitId,
          details: { scheduleId, periodId: period.id, sourceIds, from, to, narrativesGathered: !keepNarratives },
        },
        now,
      );
      return instanceId;
    });
    return reports.get(actor, id, locale);
  }

  /**
   * Tells each agency whose report awaits (re)submission and is due soon or late (reminderKind),
   * once per report and day (the notification's dedupe key). Returns how many were told, and who.
   */
  async function remind(
    tx: Executor,
    candidates: {
      id: string;
      kind: string;
      agencyId: string;
      agencyName: string;
      status: ReportStatus;
      dueDate: string;
      scheduleName: string;
      periodId: string;
      window: 'decree09' | 'calendar';
    }[],
    day: string,
    mails: Mail[],
  ) {
    const units: string[] = [];
    let notified = 0;
    for (const report of candidates) {
      const kind = reminderKind(report, day);
      if (!kind) continue;
      const period = periodOf(report.periodId, report.window);
      const what = `${report.kind === 'consolidated' ? 'Báo cáo tổng hợp' : 'Báo cáo'} ${report.scheduleName} – ${period?.label ?? report.periodId}`;
      const due = formatVietnamDate(report.dueDate);
      const result = await notifyAgency(tx, report.agencyId, {
        kind: 'report_reminder',
        title: kind === 'late' ? `Quá hạn báo cáo: ${report.scheduleName}` : `Sắp đến hạn báo cáo: ${report.scheduleName}`,
        body:
          kind === 'late'
            ? `${what} đã quá hạn (hạn ${due}) mà chưa được gửi. Đề nghị khẩn trương hoàn thành và gửi báo cáo.`
            : `${what} đến hạn ngày ${due}. Đề nghị hoàn thành và gửi báo cáo đúng hạn.`,
        link: `/reports/${report.id}`,
        entityType: 'report',
        entityId: report.id,
        dedupeKey: `report-reminder:${report.id}:${day}`,
      });
      mails.push(...result.mails);
      if (result.created > 0) {
        notified++;
        if (!units.includes(report.agencyName)) units.push(report.agencyName);
      }
    }
    return { notified, units };
  }

  /** POST /report-schedules/:id/reminders: the reviewer reminds the units of one period (or all). */
  async function reminders(
    actor: Actor,
    scheduleId: string,
    body: { periodId?: string | undefined },
    context: AuditContext,
    locale: Locale,
  ) {
    const schedule = await schedules.requireManaged(actor, scheduleId);
    const period = body.periodId ? schedulePeriod(schedule, body.periodId, 'periodId', locale) : null;
    const day = today();
    const mails: Mail[] = [];
    const result = await db.transaction(async (tx) => {
      await reports.materialise(tx, scheduleId);
      const candidates = await scheduleReminderCandidates(tx, scheduleId, period?.id ?? null);
      const sent = await remind(tx, candidates, day, mails);
      await recordAudit(
        tx,
        context,
        {
          action: 'report.reminders_sent',
          entityType: 'report_schedule',
          entityId: scheduleId,
          orgUnitId: schedule.orgUnitId,
          details: { date: day, periodId: period?.id ?? null, notified: sent.notified, units: sent.units },
        },
        clock(),
      );
      return sent;
    });
    await mailer.send(mails);
    return result;
  }

  /**
   * The daily run (07:00 Vietnam time): every active schedule gets its reports up to today, and
   * every report (unit or consolidated) awaiting submission that is due soon or late is reminded.
   */
  async function runDaily(date?: string) {
    const day = date ?? today();
    const mails: Mail[] = [];
    const result = await db.transaction(async (tx) => {
      const active = await activeScheduleIds(tx);
      let created = 0;
      for (const scheduleId of active) created += await materialiseSchedule(tx, scheduleId, day, clock());
      const candidates = await dueReminderCandidates(tx, addDays(day, REPORT_DUE_SOON_DAYS));
      const sent = await remind(tx, candidates, day, mails);
      await recordAudit(
        tx,
        SYSTEM_CONTEXT,
        {
          action: 'report.reminders_sent',
          entityType: 'report_schedule',
          entityId: null,
          orgUnitId: 'VN',
          details: { date: day, schedules: active.length, reportsCreated: created, notified: sent.notified },
        },
        clock(),
      );
      return { date: day, schedules: active.length, reportsCreated: created, notified: sent.notified };
    });
    const emailsSent = await mailer.send(mails);
    return { ...result, emailsSent };
  }

  return { matrix, consolidate, reminders, runDaily };
}
