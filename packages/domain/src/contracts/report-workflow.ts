import { z } from 'zod';
import { PERIOD_TYPES, PERIOD_WINDOWS } from '../reports/periods.ts';
import { REPORT_ACTIONS } from '../reports/report-policy.ts';
import { REPORT_STATUSES } from '../reports/report-status.ts';
import { CONSOLIDATION_STANDINGS } from '../reports/consolidation.ts';
import { dueRuleSchema, REPORT_SUBMISSION_STATES } from '../reports/report-timing.ts';
import {
  MAX_REPORT_NARRATIVE_LENGTH,
  MAX_REPORT_NOTE_LENGTH,
  reportContentSchema,
  reportTemplateDefinitionSchema,
} from '../reports/template-schema.ts';
import {
  isoDateSchema,
  listQuerySchema,
  multilineText,
  optionalText,
  orgUnitIdSchema,
  safeString,
  sortSchema,
  text,
  uuidSchema,
} from './common.ts';
import { periodViewSchema } from './reports.ts';

// ── Templates ─────────────────────────────────────────────────────────────────────────────────────
const templateCodeSchema = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, { message: 'Mã mẫu chỉ gồm chữ thường không dấu, số và "_".' });

export const reportTemplateViewSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  version: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  status: z.enum(['active', 'retired']),
  createdAt: z.string(),
  /** How many reports use this version (they keep it when a new version is published). */
  reportCount: z.number().int(),
});
export type ReportTemplateView = z.infer<typeof reportTemplateViewSchema>;

/**
 * A stored definition as the API sends it: the shape of `reportTemplateDefinitionSchema` without its
 * input normalisation (a response cannot run zod's one-way transforms; what is stored was validated
 * when it was published).
 */
const groupViewSchema = z.object({ total: z.string(), parts: z.array(z.string()), complete: z.boolean() });
const lineViewSchema = z.object({ key: z.string(), label: z.string() });
export const reportTemplateDefinitionViewSchema = z.object({
  sections: z.array(z.object({ key: z.string(), title: z.string(), guidance: z.string().nullable(), tables: z.array(z.string()) })),
  tables: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      unit: z.string().nullable(),
      prefill: z.string().nullable(),
      rows: z.array(lineViewSchema),
      columns: z.array(lineViewSchema),
      columnGroups: z.array(groupViewSchema),
      rowGroups: z.array(groupViewSchema),
      rowLimits: z.array(z.object({ row: z.string(), notAbove: z.string() })),
    }),
  ),
});

export const reportTemplateDetailSchema = reportTemplateViewSchema.extend({ definition: reportTemplateDefinitionViewSchema });
export type ReportTemplateDetail = z.infer<typeof reportTemplateDetailSchema>;

export const reportTemplateListQuerySchema = listQuerySchema.extend({
  status: z.enum(['active', 'retired']).optional(),
  code: templateCodeSchema.optional(),
  sort: sortSchema(['name', 'createdAt'], 'name'),
});

export const createReportTemplateBodySchema = z.strictObject({
  code: templateCodeSchema,
  name: text(300),
  description: optionalText(2000),
  definition: reportTemplateDefinitionSchema,
});
export const publishReportTemplateBodySchema = createReportTemplateBodySchema.omit({ code: true });
export type CreateReportTemplateBody = z.infer<typeof createReportTemplateBodySchema>;
export type PublishReportTemplateBody = z.infer<typeof publishReportTemplateBodySchema>;

// ── Schedules ─────────────────────────────────────────────────────────────────────────────────────
export const reportScheduleReporterSchema = z.object({
  agencyId: z.uuid(),
  agencyName: z.string(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
});

export const reportScheduleViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(['periodic', 'ad_hoc']),
  templateId: z.uuid(),
  templateName: z.string(),
  templateVersion: z.number().int(),
  periodType: z.enum(PERIOD_TYPES),
  window: z.enum(PERIOD_WINDOWS),
  dueRule: dueRuleSchema,
  dueRuleLabel: z.string(),
  upwardDueRule: dueRuleSchema,
  firstPeriodId: z.string(),
  lastPeriodId: z.string().nullable(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  recipientAgencyId: z.uuid(),
  recipientAgencyName: z.string(),
  planId: z.uuid().nullable(),
  planTitle: z.string().nullable(),
  instructions: z.string().nullable(),
  active: z.boolean(),
  reporterCount: z.number().int(),
  createdAt: z.string(),
  /** What the reader may do: 'manage' (edit, remind, consolidate) when they review reports there. */
  allowedActions: z.array(z.enum(['manage'])),
});
export type ReportScheduleView = z.infer<typeof reportScheduleViewSchema>;

export const reportScheduleDetailSchema = reportScheduleViewSchema.extend({
  reporters: z.array(reportScheduleReporterSchema),
});
export type ReportScheduleDetail = z.infer<typeof reportScheduleDetailSchema>;

export const createReportScheduleBodySchema = z.strictObject({
  name: text(300),
  kind: z.enum(['periodic', 'ad_hoc']).default('periodic'),
  templateId: uuidSchema,
  /** For an ad hoc request: 'ad_hoc' with `firstPeriodId` an ad hoc range (2024-07-01..2024-09-30). */
  periodType: z.enum(PERIOD_TYPES),
  window: z.enum(PERIOD_WINDOWS).default('decree09'),
  /** For an ad hoc request the rule is `{ kind: 'fixed', date }`. */
  dueRule: dueRuleSchema,
  upwardDueRule: dueRuleSchema.optional(),
  firstPeriodId: safeString(30, 1),
  lastPeriodId: safeString(30, 1).nullable().optional(),
  orgUnitId: orgUnitIdSchema,
  recipientAgencyId: uuidSchema,
  reporterAgencyIds: z.array(uuidSchema).min(1).max(500),
  planId: uuidSchema.nullable().optional(),
  planReportingIndex: z.number().int().min(0).max(100).nullable().optional(),
  instructions: optionalText(4000),
});
export type CreateReportScheduleBody = z.infer<typeof createReportScheduleBodySchema>;

export const updateReportScheduleBodySchema = z
  .strictObject({
    name: text(300),
    reporterAgencyIds: z.array(uuidSchema).min(1).max(500),
    lastPeriodId: safeString(30, 1).nullable(),
    instructions: optionalText(4000),
    active: z.boolean(),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'Cần ít nhất một thay đổi.' });
export type UpdateReportScheduleBody = z.infer<typeof updateReportScheduleBodySchema>;

export const reportScheduleListQuerySchema = listQuerySchema.extend({
  orgUnitId: orgUnitIdSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
  sort: sortSchema(['name', 'createdAt'], 'name'),
});

/** A schedule proposed from one rule of a plan's reporting regime (chế độ báo cáo). */
export const scheduleProposalSchema = z.object({
  index: z.number().int(),
  ruleText: z.string(),
  name: z.string(),
  kind: z.enum(['periodic', 'ad_hoc']),
  periodType: z.enum(PERIOD_TYPES),
  firstPeriodId: z.string(),
  dueRule: dueRuleSchema,
  orgUnitId: z.string(),
  recipientAgencyId: z.uuid().nullable(),
  reporterAgencyIds: z.array(z.uuid()),
  /** Set when a schedule was already created from this rule. */
  existingScheduleId: z.uuid().nullable(),
});
export type ScheduleProposal = z.infer<typeof scheduleProposalSchema>;

// ── Report instances ─────────────────────────────────────────────────────────────────────────────
export const reportViewSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['unit', 'consolidated']),
  scheduleId: z.uuid(),
  scheduleName: z.string(),
  templateId: z.uuid(),
  templateName: z.string(),
  templateVersion: z.number().int(),
  period: periodViewSchema,
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  recipientOrgUnitId: z.string(),
  recipientOrgUnitName: z.string(),
  status: z.enum(REPORT_STATUSES),
  state: z.enum(REPORT_SUBMISSION_STATES),
  late: z.boolean(),
  overdue: z.boolean(),
  dueDate: z.string(),
  dueDateExtended: z.boolean(),
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  allowedActions: z.array(z.enum(REPORT_ACTIONS)),
});
export type ReportView = z.infer<typeof reportViewSchema>;

export const reportIssueViewSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  path: z.string(),
  key: z.string(),
  message: z.string(),
});
export type ReportIssueView = z.infer<typeof reportIssueViewSchema>;

export const reportEventViewSchema = z.object({
  id: z.uuid(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  comment: z.string().nullable(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
});

const cellsSchema = z.record(z.string(), z.record(z.string(), z.record(z.string(), z.number().int().nullable())));

export const reportDetailSchema = reportViewSchema.extend({
  template: reportTemplateDetailSchema,
  content: reportContentSchema,
  /** Consistency issues of the saved content: errors block submission, warnings need a note. */
  issues: z.array(reportIssueViewSchema),
  events: z.array(reportEventViewSchema),
  /** Figures computed from the records the system holds (victims, tip-offs…) for the unit and window. */
  prefill: z.object({
    tables: cellsSchema,
    sources: z.array(z.object({ table: z.string(), source: z.string(), label: z.string() })),
    differences: z.array(z.object({ path: z.string(), entered: z.number().int().nullable(), fromRecords: z.number().int() })),
  }),
  /** For a consolidated report: the unit reports it sums and, per cell path, who contributed what. */
  consolidation: z
    .object({
      sources: z.array(z.object({ id: z.uuid(), agencyName: z.string(), status: z.enum(REPORT_STATUSES) })),
      /**
       * The unit reports of the period the last consolidation did not sum, with their status now and why
       * (`included` here: accepted since, so consolidating again adds it).
       */
      leftOut: z.array(
        z.object({ id: z.uuid(), agencyName: z.string(), status: z.enum(REPORT_STATUSES), standing: z.enum(CONSOLIDATION_STANDINGS) }),
      ),
      contributions: z.record(z.string(), z.array(z.object({ unitId: z.string(), unitName: z.string(), value: z.number().int() }))),
      consolidatedAt: z.string().nullable(),
    })
    .nullable(),
});
export type ReportDetail = z.infer<typeof reportDetailSchema>;

export const reportListQuerySchema = listQuerySchema.extend({
  scheduleId: uuidSchema.optional(),
  periodId: safeString(30, 1).optional(),
  kind: z.enum(['unit', 'consolidated']).optional(),
  status: z.enum(REPORT_STATUSES).optional(),
  /** `mine`: reports the reader's agency must write; `addressed`: reports sent to the reader's unit. */
  view: z.enum(['all', 'mine', 'addressed']).default('all'),
  sort: sortSchema(['dueDate', 'updatedAt', 'period'], '-updatedAt'),
});

/** Raw cell input: numbers or the text a user typed; validated by the domain (clear messages per cell). */
const rawCell = z.union([z.number(), z.string().max(50), z.null()]);
export const saveReportBodySchema = z.strictObject({
  version: z.number().int().min(1),
  content: z.strictObject({
    narratives: z.record(safeString(60), z.union([multilineText(MAX_REPORT_NARRATIVE_LENGTH), z.null()])).optional(),
    tables: z.record(safeString(60), z.record(safeString(60), z.record(safeString(60), rawCell))).optional(),
    notes: z.record(safeString(400), multilineText(MAX_REPORT_NOTE_LENGTH)).optional(),
  }),
});
export type SaveReportBody = z.infer<typeof saveReportBodySchema>;

export const submitReportBodySchema = z.strictObject({ version: z.number().int().min(1) });
export const returnReportBodySchema = z.strictObject({ comment: text(2000) });
export const acceptReportBodySchema = z.strictObject({ comment: optionalText(2000) });
export const unlockReportBodySchema = z.strictObject({ reason: text(2000) });
export const extendReportBodySchema = z.strictObject({ dueDate: isoDateSchema, reason: text(2000) });

// ── Consolidation ────────────────────────────────────────────────────────────────────────────────
export const matrixQuerySchema = z.strictObject({
  /** Periods shown, newest last; default: the last four periods up to the current one. */
  from: safeString(30, 1).optional(),
  to: safeString(30, 1).optional(),
});

export const reportingRatesSchema = z.object({
  expected: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  submittedRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
});
export type ReportingRatesView = z.infer<typeof reportingRatesSchema>;

export const matrixCellSchema = z.object({
  periodId: z.string(),
  instanceId: z.uuid().nullable(),
  status: z.enum(REPORT_STATUSES).nullable(),
  state: z.enum(REPORT_SUBMISSION_STATES),
  late: z.boolean(),
  overdue: z.boolean(),
  dueDate: z.string().nullable(),
  firstSubmittedAt: z.string().nullable(),
});

export const submissionMatrixSchema = z.object({
  schedule: reportScheduleViewSchema,
  periods: z.array(periodViewSchema.extend({ dueDate: z.string() })),
  rows: z.array(
    z.object({
      agencyId: z.uuid(),
      agencyName: z.string(),
      orgUnitId: z.string(),
      orgUnitName: z.string(),
      cells: z.array(matrixCellSchema),
    }),
  ),
  rates: z.record(z.string(), reportingRatesSchema),
  consolidated: z.record(z.string(), z.object({ instanceId: z.uuid(), status: z.enum(REPORT_STATUSES) }).nullable()),
});
export type SubmissionMatrix = z.infer<typeof submissionMatrixSchema>;

export const schedulePeriodParamsSchema = z.strictObject({ id: uuidSchema, periodId: safeString(30, 1) });
export const consolidateBodySchema = z.strictObject({
  /** Replace the narratives already edited with the units' texts gathered again (default: keep edits). */
  regatherNarratives: z.boolean().default(false),
});
/** Reminders for one period of the schedule, or (without `periodId`) for every period still awaiting reports. */
export const remindersBodySchema = z.strictObject({ periodId: safeString(30, 1).optional() });
export const remindersResultSchema = z.object({ notified: z.number().int(), units: z.array(z.string()) });
