import type { Database, Executor } from '@atmis/db';
import {
  reviewerUnitsOf,
  DEFAULT_DUE_RULE,
  describeDueRule,
  isWithinOrgUnit,
  parsePeriodId,
  periodContaining,
  PERIOD_ID_ERRORS,
  scopeFilterFor,
  type Actor,
  type CreateReportScheduleBody,
  type DueRule,
  type Locale,
  type PeriodType,
  type ReportingPeriod,
  type ReportScheduleDetail,
  type ReportScheduleView,
  type ScheduleProposal,
  type UpdateReportScheduleBody,
} from '@atmis/domain';
import { addDays, vietnamToday } from '@atmis/domain/plans/index';
import { addWorkingDays, type WorkingCalendar } from '@atmis/domain';
import { workingCalendarOf } from '../../platform/calendar/calendar.repository.ts';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { keysetCursor, toIso } from '../../platform/http/pagination.ts';
import type { Mail, Mailer } from '../../platform/mail/mailer.ts';
import { notifyAgency } from '../notifications/index.ts';
import { findPlanInScope } from '../plans/index.ts';
import { duePeriods, materialiseSchedule, MAX_SCHEDULE_PERIODS } from './report-periods.ts';
import {
  insertSchedule,
  listSchedules,
  planReportingOf,
  schedulesFromPlanRules,
  setScheduleReporters,
  templateForSchedule,
  updateSchedule,
  type ScheduleListQuery,
} from './report-schedules.repository.ts';
import {
  agenciesById,
  findOrgUnit,
  findSchedule,
  reportersOf,
  scheduleScope,
  standingOfficeAgencyOf,
  type ScheduleRow,
} from './reports.repository.ts';

const invalid = (path: string, message: string) => new AppError('validation.failed', {}, [{ path, message }]);

const PERIOD_TYPE_LABELS: Record<PeriodType, string> = {
  year: 'năm',
  half: '6 tháng',
  quarter: 'quý',
  month: 'tháng',
  ad_hoc: 'đột xuất',
};

/** Plan reporting frequency (as the importer reads it) → the schedule's period type. */
const FREQUENCY_PERIOD: Record<string, PeriodType> = {
  monthly: 'month',
  quarterly: 'quarter',
  six_monthly: 'half',
  yearly: 'year',
  ad_hoc: 'ad_hoc',
  once: 'ad_hoc',
};
const FREQUENCY_LABELS: Record<string, string> = {
  monthly: 'Báo cáo hằng tháng',
  quarterly: 'Báo cáo hằng quý',
  six_monthly: 'Báo cáo 6 tháng',
  yearly: 'Báo cáo hằng năm',
  ad_hoc: 'Báo cáo đột xuất',
  once: 'Báo cáo',
};

/**
 * The default deadline of the consolidated report sent upward: two working days after the units'
 * (for a fixed date, two working days after it). A schedule may set its own.
 */
export function defaultUpwardDueRule(rule: DueRule, calendar?: WorkingCalendar): DueRule {
  switch (rule.kind) {
    case 'working_days_after_window':
      return { kind: 'working_days_after_window', days: Math.min(rule.days + 2, 60) };
    case 'days_after_window':
      return { kind: 'days_after_window', days: Math.min(rule.days + 3, 60) };
    case 'fixed':
      return { kind: 'fixed', date: addWorkingDays(rule.date, 2, calendar) };
  }
}

export function presentSchedule(actor: Actor, row: ScheduleRow, locale: Locale): ReportScheduleView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    templateId: row.templateId,
    templateName: row.templateName,
    templateVersion: row.templateVersion,
    periodType: row.periodType,
    window: row.window,
    dueRule: row.dueRule as DueRule,
    dueRuleLabel: describeDueRule(row.dueRule as DueRule, locale),
    upwardDueRule: row.upwardDueRule as DueRule,
    firstPeriodId: row.firstPeriodId,
    lastPeriodId: row.lastPeriodId,
    orgUnitId: row.orgUnitId,
    orgUnitName: row.orgUnitName,
    recipientAgencyId: row.recipientAgencyId,
    recipientAgencyName: row.recipientAgencyName,
    planId: row.planId,
    planTitle: row.planTitle,
    instructions: row.instructions,
    active: row.active,
    reporterCount: Number(row.reporterCount),
    createdAt: toIso(row.createdAt) as string,
    allowedActions: reviewerUnitsOf(actor).covers(row.orgUnitId) ? ['manage'] : [],
  };
}

function periodError(path: string, id: string, window: 'decree09' | 'calendar', type: PeriodType, locale: Locale): ReportingPeriod {
  const parsed = parsePeriodId(id, window);
  if (!parsed.ok) throw invalid(path, PERIOD_ID_ERRORS[parsed.reason][locale]);
  if (parsed.period.type !== type) {
    throw invalid(
      path,
      `Kỳ "${id}" là kỳ ${PERIOD_TYPE_LABELS[parsed.period.type]}, không khớp loại kỳ "${PERIOD_TYPE_LABELS[type]}" của lịch báo cáo.`,
    );
  }
  return parsed.period;
}

/**
 * Reporting agencies must exist, be in force and sit inside the schedule's unit: a 400 that names
 * the agency otherwise. Returns them in order, each with the unit it reports for.
 */
async function checkReporters(executor: Executor, ids: readonly string[], unit: { id: string; name: string }) {
  const unique = [...new Set(ids)];
  const found = await agenciesById(executor, unique);
  return unique.map((id) => {
    const path = `reporterAgencyIds.${ids.indexOf(id)}`;
    const agency = found.get(id);
    if (!agency) throw invalid(path, `Cơ quan báo cáo (mã ${id}) không tồn tại.`);
    if (agency.validTo) throw invalid(path, `Cơ quan "${agency.name}" đã hết hiệu lực, không thể giao báo cáo.`);
    if (!isWithinOrgUnit(agency.orgUnitId, unit.id))
      throw invalid(path, `Cơ quan "${agency.name}" không thuộc ${unit.name}, nơi nhận báo cáo của lịch này.`);
    return { agencyId: id, orgUnitId: agency.orgUnitId, name: agency.name };
  });
}

export function createReportSchedulesService({ db, clock }: { db: Database; clock: () => Date }, mailer: Mailer) {
  const today = () => vietnamToday(clock());

  async function requireVisible(actor: Actor, id: string): Promise<ScheduleRow> {
    const row = await findSchedule(db, id, scheduleScope(actor));
    if (!row) throw notFound();
    return row;
  }

  /** A schedule the actor manages: visible (else 404) and reviewed by them (else 403). */
  async function requireManaged(actor: Actor, id: string): Promise<ScheduleRow> {
    const row = await requireVisible(actor, id);
    if (!reviewerUnitsOf(actor).covers(row.orgUnitId)) throw new AppError('auth.forbidden');
    return row;
  }

  async function list(actor: Actor, query: ScheduleListQuery, locale: Locale) {
    const { rows, total, sort } = await listSchedules(db, actor, query);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => presentSchedule(actor, row, locale)),
      total,
      nextCursor: rows.length > query.limit && last ? keysetCursor(sort, last.sortValue, last.id) : null,
    };
  }

  async function detail(actor: Actor, row: ScheduleRow, locale: Locale): Promise<ReportScheduleDetail> {
    return { ...presentSchedule(actor, row, locale), reporters: await reportersOf(db, row.id) };
  }

  async function get(actor: Actor, id: string, locale: Locale): Promise<ReportScheduleDetail> {
    return detail(actor, await requireVisible(actor, id), locale);
  }

  /** Notifies the reporting agencies of a new request (after commit: the returned mails). */
  async function notifyReporters(tx: Executor, schedule: { id: string; name: string }, agencyIds: readonly string[], mails: Mail[]) {
    for (const agencyId of agencyIds) {
      const result = await notifyAgency(tx, agencyId, {
        kind: 'report_request',
        title: `Yêu cầu báo cáo: ${schedule.name}`,
        body: `Cơ quan, đơn vị được giao báo cáo theo lịch "${schedule.name}". Các kỳ báo cáo đã được tạo trong mục Báo cáo.`,
        link: `/reports?scheduleId=${schedule.id}`,
        entityType: 'report_schedule',
        entityId: schedule.id,
      });
      mails.push(...result.mails);
    }
  }

  async function create(
    actor: Actor,
    input: CreateReportScheduleBody,
    context: AuditContext,
    locale: Locale,
  ): Promise<ReportScheduleDetail> {
    const unit = await findOrgUnit(db, input.orgUnitId);
    if (!unit) throw invalid('orgUnitId', 'Đơn vị hành chính không tồn tại.');
    if (!reviewerUnitsOf(actor).covers(unit.id)) throw new AppError('auth.forbidden');

    const template = await templateForSchedule(db, input.templateId);
    if (!template) throw invalid('templateId', 'Mẫu báo cáo không tồn tại.');
    if (template.status !== 'active')
      throw invalid('templateId', `Mẫu "${template.name}" phiên bản ${template.version} đã được thay thế; hãy chọn phiên bản đang dùng.`);

    const isAdHoc = input.kind === 'ad_hoc';
    if (isAdHoc !== (input.periodType === 'ad_hoc'))
      throw invalid(
        'periodType',
        isAdHoc ? 'Yêu cầu báo cáo đột xuất dùng loại kỳ "đột xuất".' : 'Lịch định kỳ không dùng loại kỳ "đột xuất".',
      );
    const first = periodError('firstPeriodId', input.firstPeriodId, input.window, input.periodType, locale);
    let lastPeriodId: string | null = input.lastPeriodId ?? null;
    if (isAdHoc) lastPeriodId = null;
    else if (lastPeriodId) {
      const last = periodError('lastPeriodId', lastPeriodId, input.window, input.periodType, locale);
      if (last.start < first.start) throw invalid('lastPeriodId', 'Kỳ cuối cùng phải sau hoặc trùng kỳ đầu tiên.');
    }
    checkDueRule('dueRule', input.dueRule, isAdHoc, first);
    const upwardDueRule = input.upwardDueRule ?? defaultUpwardDueRule(input.dueRule, await workingCalendarOf(db));
    checkDueRule('upwardDueRule', upwardDueRule, isAdHoc, first);
    const schedulePeriods = { periodType: input.periodType, window: input.window, firstPeriodId: input.firstPeriodId, lastPeriodId };
    if (duePeriods(schedulePeriods, today(), MAX_SCHEDULE_PERIODS + 1).length > MAX_SCHEDULE_PERIODS)
      throw invalid('firstPeriodId', `Kỳ đầu tiên quá xa: lịch báo cáo có quá ${MAX_SCHEDULE_PERIODS} kỳ tính đến nay.`);

    const recipient = (await agenciesById(db, [input.recipientAgencyId])).get(input.recipientAgencyId);
    if (!recipient) throw invalid('recipientAgencyId', 'Cơ quan nhận báo cáo không tồn tại.');
    if (recipient.validTo) throw invalid('recipientAgencyId', `Cơ quan "${recipient.name}" đã hết hiệu lực.`);
    if (!isWithinOrgUnit(recipient.orgUnitId, unit.id))
      throw invalid('recipientAgencyId', `Cơ quan "${recipient.name}" không thuộc ${unit.name}.`);
    const reporters = await checkReporters(db, input.reporterAgencyIds, unit);

    const planId = input.planId ?? null;
    const planReportingIndex = planId ? (input.planReportingIndex ?? null) : null;
    if (input.planReportingIndex !== undefined && input.planReportingIndex !== null && !planId)
      throw invalid('planReportingIndex', 'Chỉ ghi vị trí quy định báo cáo khi lịch được lập từ một kế hoạch.');
    if (planId) {
      const plan = await findPlanInScope(db, scopeFilterFor(actor, 'read:plans'), planId);
      if (!plan) throw invalid('planId', 'Kế hoạch không tồn tại.');
      if (planReportingIndex !== null) {
        const extras = await planReportingOf(db, planId);
        if (planReportingIndex >= (extras?.reporting.length ?? 0))
          throw invalid('planReportingIndex', 'Kế hoạch không có quy định báo cáo ở vị trí này.');
        const [existing] = await schedulesFromPlanRules(db, planId, [planReportingIndex]);
        if (existing)
          throw new AppError('resource.conflict', {
            detail:
              locale === 'vi'
                ? 'đã có lịch báo cáo lập từ quy định này của kế hoạch'
                : 'a schedule was already made from this rule of the plan',
          });
      }
    }

    /** What the schedule is, as stored and as audited. */
    const definition = {
      name: input.name,
      kind: input.kind,
      templateId: input.templateId,
      periodType: input.periodType,
      window: input.window,
      dueRule: input.dueRule,
      upwardDueRule,
      firstPeriodId: input.firstPeriodId,
      lastPeriodId,
    };
    const mails: Mail[] = [];
    const id = await db.transaction(async (tx) => {
      const scheduleId = await insertSchedule(tx, {
        ...definition,
        orgUnitId: unit.id,
        recipientAgencyId: input.recipientAgencyId,
        planId,
        planReportingIndex,
        instructions: input.instructions ?? null,
        active: true,
        createdBy: actor.userId,
        createdAt: clock(),
        updatedAt: clock(),
      });
      await setScheduleReporters(tx, scheduleId, reporters, { replace: false });
      const created = await materialiseSchedule(tx, scheduleId, today(), clock());
      await notifyReporters(
        tx,
        { id: scheduleId, name: input.name },
        reporters.map((r) => r.agencyId),
        mails,
      );
      await recordAudit(
        tx,
        context,
        {
          action: 'report_schedule.created',
          entityType: 'report_schedule',
          entityId: scheduleId,
          orgUnitId: unit.id,
          details: {
            ...definition,
            recipientAgencyId: input.recipientAgencyId,
            reporterAgencyIds: reporters.map((r) => r.agencyId),
            planId,
            planReportingIndex,
            reportsCreated: created,
          },
        },
        clock(),
      );
      return scheduleId;
    });
    await mailer.send(mails);
    return get(actor, id, locale);
  }

  async function update(
    actor: Actor,
    id: string,
    input: UpdateReportScheduleBody,
    context: AuditContext,
    locale: Locale,
  ): Promise<ReportScheduleDetail> {
    const row = await requireManaged(actor, id);
    const currentReporters = await reportersOf(db, id);
    const before = {
      name: row.name,
      reporterAgencyIds: currentReporters.map((r) => r.agencyId),
      lastPeriodId: row.lastPeriodId,
      instructions: row.instructions,
      active: row.active,
    };
    const after = { ...before };
    if (input.name !== undefined) after.name = input.name;
    if (input.instructions !== undefined) after.instructions = input.instructions ?? null;
    if (input.active !== undefined) after.active = input.active;
    let reporters: Awaited<ReturnType<typeof checkReporters>> | null = null;
    if (input.reporterAgencyIds !== undefined) {
      reporters = await checkReporters(db, input.reporterAgencyIds, { id: row.orgUnitId, name: row.orgUnitName });
      after.reporterAgencyIds = reporters.map((r) => r.agencyId);
    }
    if (input.lastPeriodId !== undefined) {
      if (row.kind === 'ad_hoc' && input.lastPeriodId !== null) throw invalid('lastPeriodId', 'Yêu cầu báo cáo đột xuất chỉ có một kỳ.');
      if (input.lastPeriodId !== null) {
        const first = periodError('firstPeriodId', row.firstPeriodId, row.window, row.periodType, locale);
        const last = periodError('lastPeriodId', input.lastPeriodId, row.window, row.periodType, locale);
        if (last.start < first.start) throw invalid('lastPeriodId', 'Kỳ cuối cùng phải sau hoặc trùng kỳ đầu tiên.');
      }
      after.lastPeriodId = input.lastPeriodId;
    }
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
      (key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]),
    );
    if (!changed.length) return detail(actor, row, locale);

    const mails: Mail[] = [];
    await db.transaction(async (tx) => {
      await updateSchedule(tx, id, {
        name: after.name,
        instructions: after.instructions,
        active: after.active,
        lastPeriodId: after.lastPeriodId,
        updatedAt: clock(),
      });
      let added: string[] = [];
      if (reporters && changed.includes('reporterAgencyIds')) {
        // Reports already created for a removed agency stay (with their history); it gets no new ones.
        await setScheduleReporters(tx, id, reporters, { replace: true });
        added = after.reporterAgencyIds.filter((agencyId) => !before.reporterAgencyIds.includes(agencyId));
      }
      const created = await materialiseSchedule(tx, id, today(), clock());
      if (added.length && after.active) await notifyReporters(tx, { id, name: after.name }, added, mails);
      const pick = (state: typeof before) => Object.fromEntries(changed.map((key) => [key, state[key]]));
      await recordAudit(
        tx,
        context,
        {
          action: 'report_schedule.updated',
          entityType: 'report_schedule',
          entityId: id,
          orgUnitId: row.orgUnitId,
          details: { before: pick(before), after: pick(after), reportsCreated: created },
        },
        clock(),
      );
    });
    await mailer.send(mails);
    return get(actor, id, locale);
  }

  /**
   * One proposed schedule per rule of a plan's reporting regime: the period type from the rule's
   * frequency, reporters = the plan's addressed agencies inside its unit, recipient = the standing
   * office of the plan's unit (else the issuer). Nothing is created.
   */
  async function proposals(actor: Actor, planId: string): Promise<ScheduleProposal[]> {
    const plan = await findPlanInScope(db, scopeFilterFor(actor, 'read:plans'), planId);
    if (!plan) throw notFound();
    if (!reviewerUnitsOf(actor).covers(plan.orgUnitId)) throw new AppError('auth.forbidden');
    const extras = await planReportingOf(db, planId);
    const rules = (extras?.reporting ?? []) as Record<string, unknown>[];
    if (!rules.length) return [];
    const addressed = await agenciesById(db, extras?.agencyIds ?? []);
    const reporterAgencyIds = (extras?.agencyIds ?? []).filter((id) => {
      const agency = addressed.get(id);
      return agency && !agency.validTo && isWithinOrgUnit(agency.orgUnitId, plan.orgUnitId);
    });
    const recipientAgencyId = (await standingOfficeAgencyOf(db, plan.orgUnitId)) ?? plan.issuerAgencyId ?? null;
    const existing = await schedulesFromPlanRules(
      db,
      planId,
      rules.map((_rule, index) => index),
    );
    const day = today();
    // Proposals start from the plan's current period (or its first, for a plan not started yet).
    let anchor = day;
    if (extras?.periodFrom && anchor < extras.periodFrom) anchor = extras.periodFrom;
    if (extras?.periodTo && anchor > extras.periodTo) anchor = extras.periodTo;
    const label = plan.number ? `${plan.number}${plan.symbol ? `/${plan.symbol}` : ''}` : plan.title;

    return rules.map((rule, index) => {
      const frequency = typeof rule.frequency === 'string' ? rule.frequency : 'ad_hoc';
      const periodType = FREQUENCY_PERIOD[frequency] ?? 'ad_hoc';
      const due = typeof rule.due === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(rule.due) ? rule.due : null;
      const subject = typeof rule.subject === 'string' && rule.subject ? rule.subject : null;
      const recipientText = typeof rule.recipient === 'string' ? rule.recipient : null;
      const dueText = typeof rule.dueText === 'string' ? rule.dueText : null;
      const ruleText = [
        `${FREQUENCY_LABELS[frequency] ?? 'Báo cáo'}${subject ? ` ${subject}` : ''}`,
        recipientText ? `gửi ${recipientText}` : null,
        dueText,
      ]
        .filter(Boolean)
        .join(', ');
      let firstPeriodId: string;
      let dueRule: DueRule;
      if (periodType === 'ad_hoc') {
        // A one-off report on the plan's period so far, due on the date the rule gives (else in 15 days).
        const dueDate = due ?? addDays(day, 15);
        const end = extras?.periodTo && extras.periodTo < dueDate ? extras.periodTo : dueDate;
        let start = extras?.periodFrom && extras.periodFrom <= end ? extras.periodFrom : end;
        if (!parsePeriodId(`${start}..${end}`).ok) start = end;
        firstPeriodId = `${start}..${end}`;
        dueRule = { kind: 'fixed', date: dueDate };
      } else {
        // The period named after the date (calendar), whatever window the schedule then uses.
        firstPeriodId = periodContaining(anchor, periodType, 'calendar').id;
        dueRule = DEFAULT_DUE_RULE;
      }
      return {
        index,
        ruleText,
        name: `${FREQUENCY_LABELS[frequency] ?? 'Báo cáo'}${subject ? ` ${subject}` : ''} (${label})`.slice(0, 300),
        kind: periodType === 'ad_hoc' ? 'ad_hoc' : 'periodic',
        periodType,
        firstPeriodId,
        dueRule,
        orgUnitId: plan.orgUnitId,
        recipientAgencyId,
        reporterAgencyIds,
        existingScheduleId: existing.find((row) => row.index === index)?.id ?? null,
      };
    });
  }

  return { list, get, create, update, proposals, requireVisible, requireManaged };
}

function checkDueRule(path: string, rule: DueRule, isAdHoc: boolean, first: ReportingPeriod): void {
  if (isAdHoc && rule.kind !== 'fixed') throw invalid(path, 'Yêu cầu báo cáo đột xuất cần một hạn cố định (ngày cụ thể).');
  if (!isAdHoc && rule.kind === 'fixed')
    throw invalid(path, 'Lịch định kỳ cần hạn tính theo từng kỳ (số ngày sau khi kết thúc kỳ số liệu).');
  if (rule.kind === 'fixed' && rule.date < first.start) throw invalid(path, 'Hạn báo cáo không được trước ngày bắt đầu kỳ số liệu.');
}
