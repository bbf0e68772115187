import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { createdAt, foldedText, idColumn, updatedAt } from './columns.ts';
import { users } from './identity.ts';
import { agencies, orgUnits } from './reference.ts';

/** Binary content kept in the database, so that backup and restore carry evidence files too. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType() {
    return 'bytea';
  },
  fromDriver(value) {
    return Buffer.isBuffer(value) ? value : Buffer.from(value);
  },
});

/**
 * Plans (kế hoạch): issued by an agency of a unit, owned by that unit for scope. `agency_ids` is
 * the union of the agencies its tasks are addressed to, so that "plans addressed to us" is one
 * array overlap. A plan may implement a parent plan (the cascade). Never deleted: superseded.
 */
export const plans = pgTable(
  'plans',
  {
    id: idColumn(),
    number: text('number'),
    symbol: text('symbol'),
    issuerAgencyId: uuid('issuer_agency_id').references(() => agencies.id),
    issuerName: text('issuer_name'),
    place: text('place'),
    issueDate: date('issue_date'),
    title: text('title').notNull(),
    /** Documents the plan implements: [{ kind, number, date, issuer, title, planId? }]. */
    legalBasis: jsonb('legal_basis').$type<Record<string, unknown>[]>().notNull().default([]),
    periodFrom: date('period_from'),
    periodTo: date('period_to'),
    orientationTo: date('orientation_to'),
    phases: jsonb('phases').$type<{ label: string; from: string | null; to: string | null }[]>().notNull().default([]),
    /** Reporting regime: [{ frequency, recipient, due, dueText, … }] as the importer found it. */
    reporting: jsonb('reporting').$type<Record<string, unknown>[]>().notNull().default([]),
    status: text('status', { enum: ['draft', 'issued', 'superseded'] })
      .notNull()
      .default('draft'),
    signer: jsonb('signer').$type<{ title: string | null; name: string | null }>(),
    recipients: jsonb('recipients').$type<string[]>().notNull().default([]),
    parentPlanId: uuid('parent_plan_id').references((): AnyPgColumn => plans.id),
    /** Optimistic concurrency: every edit sends the version it was based on; a stale one is a 409. */
    version: integer('version').notNull().default(1),
    orgUnitId: text('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    provinceCode: text('province_code'),
    agencyIds: uuid('agency_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    importWarnings: jsonb('import_warnings').$type<{ code: string; message: string; excerpt?: string }[]>().notNull().default([]),
    importId: uuid('import_id'),
    createdBy: uuid('created_by').references(() => users.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    searchKey: foldedText('search_key')
      .notNull()
      .generatedAlwaysAs(
        sql`vn_fold(title || ' ' || coalesce(number, '') || '/' || coalesce(symbol, '') || ' ' || coalesce(issuer_name, ''))`,
      ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('plans_org_unit_idx').using('btree', table.orgUnitId.op('text_pattern_ops')),
    index('plans_agency_ids_idx').using('gin', table.agencyIds),
    index('plans_parent_idx').on(table.parentPlanId),
    index('plans_search_trgm_idx').using('gin', table.searchKey.op('gin_trgm_ops')),
    check('plans_status_check', sql`${table.status} in ('draft','issued','superseded')`),
  ],
);

export const planTargets = pgTable(
  'plan_targets',
  {
    id: idColumn(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    comparator: text('comparator').notNull(),
    value: doublePrecision('value').notNull(),
    unit: text('unit').notNull(),
    noun: text('noun'),
    sectionPath: text('section_path'),
    createdAt: createdAt(),
  },
  (table) => [index('plan_targets_plan_idx').on(table.planId)],
);

export const planSections = pgTable(
  'plan_sections',
  {
    id: idColumn(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    position: integer('position').notNull(),
    path: text('path').notNull(),
    heading: text('heading').notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('plan_sections_plan_idx').on(table.planId)],
);

/**
 * Tasks (nhiệm vụ). `org_unit_id` is the plan's; `agency_ids` repeats the task's agencies (lead,
 * coordinating, requested) from task_agencies so that scope is one indexed array overlap.
 */
export const tasks = pgTable(
  'tasks',
  {
    id: idColumn(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    sectionId: uuid('section_id').references(() => planSections.id),
    sectionPath: text('section_path').notNull().default(''),
    sectionTitle: text('section_title').notNull().default(''),
    position: integer('position').notNull(),
    content: text('content').notNull(),
    context: text('context'),
    leadAgencyId: uuid('lead_agency_id').references(() => agencies.id),
    agencyIds: uuid('agency_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    phase: text('phase'),
    deadline: date('deadline'),
    deadlineText: text('deadline_text'),
    recurrence: text('recurrence', { enum: ['continuous', 'monthly', 'quarterly', 'six_monthly', 'yearly'] }),
    campaignFrom: date('campaign_from'),
    campaignTo: date('campaign_to'),
    status: text('status', { enum: ['not_started', 'in_progress', 'submitted', 'accepted', 'returned', 'cancelled'] })
      .notNull()
      .default('not_started'),
    progressPercent: integer('progress_percent').notNull().default(0),
    /** Optimistic concurrency: every edit sends the version it was based on; a stale one is a 409. */
    version: integer('version').notNull().default(1),
    orgUnitId: text('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    provinceCode: text('province_code'),
    searchKey: foldedText('search_key')
      .notNull()
      .generatedAlwaysAs(sql`vn_fold(content)`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('tasks_plan_idx').on(table.planId, table.position),
    index('tasks_org_unit_idx').using('btree', table.orgUnitId.op('text_pattern_ops')),
    index('tasks_agency_ids_idx').using('gin', table.agencyIds),
    index('tasks_lead_idx').on(table.leadAgencyId),
    index('tasks_deadline_idx').on(table.deadline),
    check('tasks_status_check', sql`${table.status} in ('not_started','in_progress','submitted','accepted','returned','cancelled')`),
    check('tasks_progress_check', sql`${table.progressPercent} between 0 and 100`),
  ],
);

/** A task's agencies by role, with the name as the document wrote it (kept when unmapped). */
export const taskAgencies = pgTable(
  'task_agencies',
  {
    id: idColumn(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    agencyId: uuid('agency_id').references(() => agencies.id),
    nameAsWritten: text('name_as_written').notNull(),
    role: text('role', { enum: ['lead', 'coordinating', 'requested'] }).notNull(),
    position: integer('position').notNull().default(0),
  },
  (table) => [
    index('task_agencies_task_idx').on(table.taskId),
    index('task_agencies_agency_idx').on(table.agencyId),
    check('task_agencies_role_check', sql`${table.role} in ('lead','coordinating','requested')`),
  ],
);

/** One period of a recurring task (monthly, quarterly, six-monthly, yearly, continuous → yearly). */
export const taskOccurrences = pgTable(
  'task_occurrences',
  {
    id: idColumn(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    periodLabel: text('period_label').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    dueDate: date('due_date').notNull(),
    status: text('status', { enum: ['pending', 'done', 'cancelled'] })
      .notNull()
      .default('pending'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('task_occurrences_task_idx').on(table.taskId, table.dueDate),
    check('task_occurrences_status_check', sql`${table.status} in ('pending','done','cancelled')`),
  ],
);

/** The task's history: progress, contributions, the standing office's decisions and chases. */
export const taskUpdates = pgTable(
  'task_updates',
  {
    id: idColumn(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    agencyId: uuid('agency_id').references(() => agencies.id),
    kind: text('kind', { enum: ['progress', 'contribution', 'submission', 'acceptance', 'return', 'cancellation', 'chase'] }).notNull(),
    percent: integer('percent'),
    narrative: text('narrative'),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    occurrenceId: uuid('occurrence_id').references(() => taskOccurrences.id),
    createdAt: createdAt(),
  },
  (table) => [
    index('task_updates_task_idx').on(table.taskId, table.createdAt),
    check(
      'task_updates_kind_check',
      sql`${table.kind} in ('progress','contribution','submission','acceptance','return','cancellation','chase')`,
    ),
  ],
);

/**
 * Uploaded files (evidence). Stored in the database (≤ 10 MB each) so that backups carry them.
 * Uploaded unattached (owner null, visible to the uploader), then attached to a record whose
 * scope governs who may download it.
 */
export const files = pgTable(
  'files',
  {
    id: idColumn(),
    ownerType: text('owner_type'),
    ownerId: uuid('owner_id'),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (table) => [index('files_owner_idx').on(table.ownerType, table.ownerId), index('files_uploader_idx').on(table.uploadedBy)],
);

/** In-app notifications, to one user or to an agency (all its users). */
export const notifications = pgTable(
  'notifications',
  {
    id: idColumn(),
    recipientUserId: uuid('recipient_user_id').references(() => users.id),
    recipientAgencyId: uuid('recipient_agency_id').references(() => agencies.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    entityType: text('entity_type'),
    entityId: uuid('entity_id'),
    /** Makes a scheduled notification idempotent (e.g. one digest per user and day). */
    dedupeKey: text('dedupe_key'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    index('notifications_user_idx').on(table.recipientUserId, table.createdAt),
    index('notifications_agency_idx').on(table.recipientAgencyId, table.createdAt),
    uniqueIndex('notifications_dedupe_idx').on(table.dedupeKey),
    check('notifications_recipient_check', sql`${table.recipientUserId} is not null or ${table.recipientAgencyId} is not null`),
  ],
);

/** A plan document being imported: the parser's proposal and the reviewer's corrections. */
export const planImports = pgTable(
  'plan_imports',
  {
    id: idColumn(),
    fileName: text('file_name').notNull(),
    extractedText: text('extracted_text').notNull(),
    result: jsonb('result').$type<Record<string, unknown>>().notNull(),
    agencyMatches: jsonb('agency_matches')
      .$type<{ name: string; agencyId: string | null; agencyName: string | null; score: number }[]>()
      .notNull(),
    orgUnitId: text('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    provinceCode: text('province_code'),
    parentPlanId: uuid('parent_plan_id').references(() => plans.id),
    status: text('status', { enum: ['pending', 'confirmed', 'discarded'] })
      .notNull()
      .default('pending'),
    planId: uuid('plan_id').references(() => plans.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('plan_imports_creator_idx').on(table.createdBy),
    index('plan_imports_org_unit_idx').using('btree', table.orgUnitId.op('text_pattern_ops')),
    check('plan_imports_status_check', sql`${table.status} in ('pending','confirmed','discarded')`),
  ],
);
