import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, foldedText, idColumn, updatedAt } from './columns.ts';
import { users } from './identity.ts';
import { plans } from './plans.ts';
import { agencies, orgUnits } from './reference.ts';

/**
 * Report templates (mẫu báo cáo): one row per published version. A version never changes once
 * reports use it; editing publishes `version + 1` and retires the previous one.
 */
export const reportTemplates = pgTable(
  'report_templates',
  {
    id: idColumn(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    /** ReportTemplateDefinition (packages/domain/src/reports/template-schema.ts). */
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['active', 'retired'] })
      .notNull()
      .default('active'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('report_templates_code_version_idx').on(table.code, table.version),
    check('report_templates_status_check', sql`${table.status} in ('active','retired')`),
    check('report_templates_version_check', sql`${table.version} >= 1`),
  ],
);

/**
 * Schedules (lịch báo cáo): who reports what to whom, for which periods and by when. The
 * schedule's unit is the recipient's (its standing office consolidates); `kind = 'ad_hoc'` is a
 * one-off request (đột xuất) with its own period range and due date.
 */
export const reportSchedules = pgTable(
  'report_schedules',
  {
    id: idColumn(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['periodic', 'ad_hoc'] })
      .notNull()
      .default('periodic'),
    templateId: uuid('template_id')
      .notNull()
      .references(() => reportTemplates.id),
    periodType: text('period_type', { enum: ['year', 'half', 'quarter', 'month', 'ad_hoc'] }).notNull(),
    window: text('window', { enum: ['decree09', 'calendar'] })
      .notNull()
      .default('decree09'),
    /** DueRule (packages/domain/src/reports/report-timing.ts). */
    dueRule: jsonb('due_rule').$type<Record<string, unknown>>().notNull(),
    /** Due rule of the consolidated report the recipient sends upward. */
    upwardDueRule: jsonb('upward_due_rule').$type<Record<string, unknown>>().notNull(),
    /** The first period reports are due for (and, for an ad hoc request, the only one). */
    firstPeriodId: text('first_period_id').notNull(),
    lastPeriodId: text('last_period_id'),
    orgUnitId: text('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    recipientAgencyId: uuid('recipient_agency_id')
      .notNull()
      .references(() => agencies.id),
    planId: uuid('plan_id').references(() => plans.id),
    /** Position of the reporting rule in the plan's regime it was created from. */
    planReportingIndex: integer('plan_reporting_index'),
    instructions: text('instructions'),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id),
    searchKey: foldedText('search_key')
      .notNull()
      .generatedAlwaysAs(sql`vn_fold(name)`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('report_schedules_org_unit_idx').using('btree', table.orgUnitId.op('text_pattern_ops')),
    index('report_schedules_plan_idx').on(table.planId),
    index('report_schedules_search_trgm_idx').using('gin', table.searchKey.op('gin_trgm_ops')),
    check('report_schedules_kind_check', sql`${table.kind} in ('periodic','ad_hoc')`),
    check('report_schedules_window_check', sql`${table.window} in ('decree09','calendar')`),
    check('report_schedules_period_type_check', sql`${table.periodType} in ('year','half','quarter','month','ad_hoc')`),
  ],
);

/** The units that must report under a schedule: an agency, and the org unit it reports for. */
export const reportScheduleReporters = pgTable(
  'report_schedule_reporters',
  {
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => reportSchedules.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    orgUnitId: text('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    position: integer('position').notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.scheduleId, table.agencyId] }),
    index('report_schedule_reporters_agency_idx').on(table.agencyId),
  ],
);

export const REPORT_INSTANCE_STATUSES = ['not_started', 'draft', 'submitted', 'returned', 'resubmitted', 'accepted', 'locked'] as const;

/**
 * One report: a reporting agency's for a schedule and period (`kind = 'unit'`), or the recipient's
 * consolidated report of that schedule and period sent one level up (`kind = 'consolidated'`).
 * `version` increases with every write: an edit based on an older version is refused (409).
 */
export const reportInstances = pgTable(
  'report_instances',
  {
    id: idColumn(),
    kind: text('kind', { enum: ['unit', 'consolidated'] })
      .notNull()
      .default('unit'),
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => reportSchedules.id),
    templateId: uuid('template_id')
      .notNull()
      .references(() => reportTemplates.id),
    periodId: text('period_id').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    orgUnitId: text('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    recipientOrgUnitId: text('recipient_org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    status: text('status', { enum: REPORT_INSTANCE_STATUSES }).notNull().default('not_started'),
    /** ReportContent (packages/domain/src/reports/template-schema.ts). */
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    version: integer('version').notNull().default(1),
    dueDate: date('due_date').notNull(),
    /** Set when a reviewer moved the deadline (with a reason, in report_events). */
    dueDateExtended: boolean('due_date_extended').notNull().default(false),
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    updatedBy: uuid('updated_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('report_instances_unit_idx')
      .on(table.scheduleId, table.periodId, table.agencyId)
      .where(sql`${table.kind} = 'unit'`),
    uniqueIndex('report_instances_consolidated_idx')
      .on(table.scheduleId, table.periodId)
      .where(sql`${table.kind} = 'consolidated'`),
    index('report_instances_org_unit_idx').using('btree', table.orgUnitId.op('text_pattern_ops')),
    index('report_instances_recipient_idx').using('btree', table.recipientOrgUnitId.op('text_pattern_ops')),
    index('report_instances_agency_idx').on(table.agencyId),
    index('report_instances_due_idx').on(table.dueDate),
    check('report_instances_kind_check', sql`${table.kind} in ('unit','consolidated')`),
    check(
      'report_instances_status_check',
      sql`${table.status} in ('not_started','draft','submitted','returned','resubmitted','accepted','locked')`,
    ),
    check('report_instances_version_check', sql`${table.version} >= 1`),
  ],
);

/** The history of a report: every save, transition and deadline change, with who and why. */
export const reportEvents = pgTable(
  'report_events',
  {
    id: idColumn(),
    instanceId: uuid('instance_id')
      .notNull()
      .references(() => reportInstances.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    comment: text('comment'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (table) => [index('report_events_instance_idx').on(table.instanceId, table.createdAt)],
);
