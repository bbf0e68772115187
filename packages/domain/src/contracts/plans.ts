import { z } from 'zod';
import { planImportResultSchema, recurrenceSchema } from '../plans/import/schema.ts';
import { TASK_ACTIONS } from '../plans/task-policy.ts';
import { TASK_STATUSES } from '../plans/task-status.ts';
import { isoDateSchema, listQuerySchema, optionalText, orgUnitIdSchema, safeString, text, uuidSchema } from './common.ts';

/** Limits of what an upload may carry (decoded bytes). */
export const PLAN_IMPORT_MAX_BYTES = 8 * 1024 * 1024;
export const FILE_MAX_BYTES = 10 * 1024 * 1024;

/** Base64 text (standard or URL alphabet, padding and line breaks tolerated), bounded before decoding. */
export function base64Text(maxDecodedBytes: number) {
  return z
    .string()
    .max(Math.ceil((maxDecodedBytes * 4) / 3) + 4096)
    .regex(/^[A-Za-z0-9+/_\-=\r\n]*$/, { message: 'Nội dung tệp phải được mã hóa base64.' });
}

const fileNameSchema = text(255);
const planStatusSchema = z.enum(['draft', 'issued', 'superseded']);
const taskStatusSchema = z.enum(TASK_STATUSES);

// ── Import ────────────────────────────────────────────────────────────────────────────────────────
export const createPlanImportBodySchema = z.union([
  z.strictObject({
    fileName: fileNameSchema,
    contentBase64: base64Text(PLAN_IMPORT_MAX_BYTES),
    parentPlanId: uuidSchema.nullable().optional(),
  }),
  z.strictObject({ fileName: fileNameSchema, text: safeString(PLAN_IMPORT_MAX_BYTES, 0), parentPlanId: uuidSchema.nullable().optional() }),
]);
export type CreatePlanImportBody = z.infer<typeof createPlanImportBodySchema>;

export const agencyMatchSchema = z.object({
  name: z.string(),
  agencyId: z.uuid().nullable(),
  agencyName: z.string().nullable(),
  /** 1 for an exact (accent- and case-insensitive) match, the trigram similarity otherwise, 0 when unmatched. */
  score: z.number(),
  /** Where the match came from: the matcher, the reviewer, or nothing found. */
  source: z.enum(['exact', 'similar', 'manual', 'none']),
});
export type AgencyMatch = z.infer<typeof agencyMatchSchema>;

export const planImportViewSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  status: z.enum(['pending', 'confirmed', 'discarded']),
  orgUnitId: z.string(),
  parentPlanId: z.uuid().nullable(),
  planId: z.uuid().nullable(),
  result: planImportResultSchema,
  agencyMatches: z.array(agencyMatchSchema),
  warnings: planImportResultSchema.shape.warnings,
  /** Lead agencies of tasks still without a registry agency: confirming would give a draft. */
  unmappedLeadNames: z.array(z.string()),
  createdAt: z.string(),
});
export type PlanImportView = z.infer<typeof planImportViewSchema>;

// Inputs shared by the import review and plan editing.
const legalReferenceInput = z.strictObject({
  kind: text(100),
  number: optionalText(100),
  date: isoDateSchema.nullable().optional(),
  issuer: optionalText(300),
  title: optionalText(1000),
});
const phaseInput = z.strictObject({ label: text(300), from: isoDateSchema.nullable().optional(), to: isoDateSchema.nullable().optional() });
const targetInput = z.strictObject({
  text: text(2000),
  comparator: z.enum(['=', '>', '>=', '<', '<=']),
  value: z.number().finite(),
  unit: z.enum(['%', 'count']),
  noun: optionalText(100),
  sectionPath: optionalText(50),
});
const agencyNamesInput = z.array(text(500)).max(50);

/** A task the reviewer adds to an import (agency names as written; the mapping then applies to them). */
const reviewTaskInput = z.strictObject({
  section: text(1000),
  text: text(5000),
  lead: agencyNamesInput.optional(),
  coordinating: agencyNamesInput.optional(),
  requested: agencyNamesInput.optional(),
  deadline: isoDateSchema.nullable().optional(),
  recurrence: recurrenceSchema.nullable().optional(),
});

export const updatePlanImportBodySchema = z.strictObject({
  agencyMappings: z
    .array(z.strictObject({ name: safeString(500, 1), agencyId: uuidSchema.nullable() }))
    .max(500)
    .optional(),
  document: z
    .strictObject({
      number: optionalText(50),
      symbol: optionalText(100),
      issuer: optionalText(300),
      place: optionalText(100),
      date: isoDateSchema.nullable().optional(),
      title: text(1000).optional(),
    })
    .optional(),
  period: z
    .strictObject({
      from: isoDateSchema.nullable().optional(),
      to: isoDateSchema.nullable().optional(),
      orientationTo: isoDateSchema.nullable().optional(),
    })
    .optional(),
  parentPlanId: uuidSchema.nullable().optional(),
  tasks: z
    .array(
      z.strictObject({
        index: z.number().int().min(0).max(5000),
        text: text(5000).optional(),
        deadline: isoDateSchema.nullable().optional(),
        recurrence: recurrenceSchema.nullable().optional(),
        /** Leave this task out of the plan (a line the parser took for a task). */
        exclude: z.boolean().optional(),
        /** Corrected agencies, as names (new names are matched to the registry like parsed ones). */
        lead: agencyNamesInput.optional(),
        coordinating: agencyNamesInput.optional(),
        requested: agencyNamesInput.optional(),
      }),
    )
    .max(2000)
    .optional(),
  /** Tasks the parser missed, appended after the parsed ones. */
  newTasks: z.array(reviewTaskInput).max(200).optional(),
  /** Replace the parsed list when given. */
  targets: z.array(targetInput).max(200).optional(),
  legalBasis: z.array(legalReferenceInput).max(100).optional(),
  phases: z.array(phaseInput).max(20).optional(),
});
export type UpdatePlanImportBody = z.infer<typeof updatePlanImportBodySchema>;

// ── Plans ─────────────────────────────────────────────────────────────────────────────────────────
const sectionInput = z.strictObject({ path: safeString(50, 1), heading: text(1000) });
const taskInput = z.strictObject({
  sectionPath: safeString(50).optional(),
  content: text(5000),
  leadAgencyId: uuidSchema.nullable().optional(),
  coordinatingAgencyIds: z.array(uuidSchema).max(50).optional(),
  requestedAgencyIds: z.array(uuidSchema).max(50).optional(),
  phase: optionalText(300),
  deadline: isoDateSchema.nullable().optional(),
  recurrence: recurrenceSchema.nullable().optional(),
  campaignFrom: isoDateSchema.nullable().optional(),
  campaignTo: isoDateSchema.nullable().optional(),
});

const planMetadataFields = {
  number: optionalText(50),
  symbol: optionalText(100),
  issuerAgencyId: uuidSchema.nullable().optional(),
  issuerName: optionalText(300),
  place: optionalText(100),
  issueDate: isoDateSchema.nullable().optional(),
  legalBasis: z.array(legalReferenceInput).max(100).optional(),
  periodFrom: isoDateSchema.nullable().optional(),
  periodTo: isoDateSchema.nullable().optional(),
  orientationTo: isoDateSchema.nullable().optional(),
  phases: z.array(phaseInput).max(20).optional(),
  recipients: z.array(text(500)).max(200).optional(),
  signerTitle: optionalText(300),
  signerName: optionalText(200),
  parentPlanId: uuidSchema.nullable().optional(),
};

export const createPlanBodySchema = z.strictObject({
  ...planMetadataFields,
  title: text(1000),
  /** The owning unit; defaults to the issuer agency's unit, else the actor's. */
  orgUnitId: orgUnitIdSchema.optional(),
  targets: z.array(targetInput).max(200).optional(),
  sections: z.array(sectionInput).max(200).optional(),
  tasks: z.array(taskInput).max(2000).optional(),
});
export type CreatePlanBody = z.infer<typeof createPlanBodySchema>;

export const updatePlanBodySchema = z.strictObject({
  ...planMetadataFields,
  title: text(1000).optional(),
  status: z.literal('superseded').optional(),
  /** The plan's `version` the editor loaded: a stale one is a 409 (`plan.stale`), nothing overwritten. */
  version: z.number().int().min(1),
});
export type UpdatePlanBody = z.infer<typeof updatePlanBodySchema>;

export const planListQuerySchema = listQuerySchema.extend({
  status: planStatusSchema.optional(),
  parentPlanId: uuidSchema.optional(),
});

export const planViewSchema = z.object({
  id: z.uuid(),
  number: z.string().nullable(),
  symbol: z.string().nullable(),
  issuerAgencyId: z.uuid().nullable(),
  issuerAgencyName: z.string().nullable(),
  issuerName: z.string().nullable(),
  place: z.string().nullable(),
  issueDate: z.string().nullable(),
  title: z.string(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  orientationTo: z.string().nullable(),
  status: planStatusSchema,
  parentPlanId: z.uuid().nullable(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  taskCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Optimistic concurrency: send it back with an edit. */
  version: z.number().int(),
  allowedActions: z.array(z.enum(['update', 'issue'])),
});
export type PlanView = z.infer<typeof planViewSchema>;

export const fileViewSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.uuid(),
  createdAt: z.string(),
});
export type FileView = z.infer<typeof fileViewSchema>;

export const cascadeUnitSchema = z.object({
  agencyId: z.uuid(),
  agencyName: z.string(),
  kind: z.enum(['member', 'locality']),
  implementingPlans: z.array(
    z.object({
      id: z.uuid(),
      number: z.string().nullable(),
      symbol: z.string().nullable(),
      title: z.string(),
      status: planStatusSchema,
      issueDate: z.string().nullable(),
    }),
  ),
  hasIssued: z.boolean(),
});

export const planDetailSchema = planViewSchema.extend({
  legalBasis: z.array(z.record(z.string(), z.unknown())),
  phases: z.array(z.object({ label: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
  reporting: z.array(z.record(z.string(), z.unknown())),
  signer: z.object({ title: z.string().nullable(), name: z.string().nullable() }).nullable(),
  recipients: z.array(z.string()),
  importWarnings: z.array(z.object({ code: z.string(), message: z.string(), excerpt: z.string().optional() })),
  parentPlan: z.object({ id: z.uuid(), title: z.string(), number: z.string().nullable(), symbol: z.string().nullable() }).nullable(),
  targets: z.array(
    z.object({
      id: z.uuid(),
      text: z.string(),
      comparator: z.string(),
      value: z.number(),
      unit: z.string(),
      noun: z.string().nullable(),
      sectionPath: z.string().nullable(),
    }),
  ),
  sections: z.array(z.object({ id: z.uuid(), path: z.string(), heading: z.string() })),
  taskSummary: z.object({
    byStatus: z.record(z.string(), z.number().int()),
    overdue: z.number().int(),
    dueSoon: z.number().int(),
    total: z.number().int(),
  }),
  cascade: z.object({ expected: z.array(cascadeUnitSchema), expectedCount: z.number().int(), issuedCount: z.number().int() }),
  /** Files attached to the plan (the signed document, annexes), downloadable with GET /files/{id}. */
  attachments: z.array(fileViewSchema),
});
export type PlanDetail = z.infer<typeof planDetailSchema>;

// ── Tasks ─────────────────────────────────────────────────────────────────────────────────────────
export const taskAgencyViewSchema = z.object({
  agencyId: z.uuid().nullable(),
  agencyName: z.string().nullable(),
  nameAsWritten: z.string(),
  role: z.enum(['lead', 'coordinating', 'requested']),
});

export const taskViewSchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  planTitle: z.string(),
  planNumber: z.string().nullable(),
  planSymbol: z.string().nullable(),
  planStatus: planStatusSchema,
  sectionPath: z.string(),
  sectionTitle: z.string(),
  position: z.number().int(),
  content: z.string(),
  leadAgencyId: z.uuid().nullable(),
  leadAgencyName: z.string().nullable(),
  agencies: z.array(taskAgencyViewSchema),
  phase: z.string().nullable(),
  deadline: z.string().nullable(),
  deadlineText: z.string().nullable(),
  recurrence: recurrenceSchema.nullable(),
  campaignFrom: z.string().nullable(),
  campaignTo: z.string().nullable(),
  /** Deadline, else end of campaign, else the next open occurrence's due date. */
  dueDate: z.string().nullable(),
  timing: z.enum(['overdue', 'due_soon', 'on_track', 'no_deadline', 'closed']),
  status: taskStatusSchema,
  progressPercent: z.number().int(),
  orgUnitId: z.string(),
  updatedAt: z.string(),
  /** Optimistic concurrency: send it back with an edit. */
  version: z.number().int(),
  allowedActions: z.array(z.enum(TASK_ACTIONS)),
});
export type TaskView = z.infer<typeof taskViewSchema>;

/** A task added to an existing plan by whoever manages the plan (agencies from the registry). */
export const createTaskBodySchema = taskInput.extend({ sectionHeading: optionalText(1000) });
export type CreateTaskBody = z.infer<typeof createTaskBodySchema>;

/** Corrections to a task by the standing office; every change is audited with before/after. */
export const updateTaskBodySchema = taskInput.partial().extend({
  reason: optionalText(500),
  /** The task's `version` the editor loaded: a stale one is a 409 (`task.stale`), nothing overwritten. */
  version: z.number().int().min(1),
});
export type UpdateTaskBody = z.infer<typeof updateTaskBodySchema>;

/** Files (uploaded with POST /files) attached to a plan: the signed document, annexes. */
export const attachPlanFilesBodySchema = z.strictObject({ fileIds: z.array(uuidSchema).min(1).max(20) });
export type AttachPlanFilesBody = z.infer<typeof attachPlanFilesBodySchema>;

export const taskUpdateViewSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['progress', 'contribution', 'submission', 'acceptance', 'return', 'cancellation', 'chase']),
  authorUserId: z.uuid(),
  authorName: z.string(),
  agencyId: z.uuid().nullable(),
  agencyName: z.string().nullable(),
  percent: z.number().int().nullable(),
  narrative: z.string().nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  occurrenceId: z.uuid().nullable(),
  files: z.array(fileViewSchema),
  createdAt: z.string(),
});

export const taskOccurrenceViewSchema = z.object({
  id: z.uuid(),
  periodLabel: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  dueDate: z.string(),
  status: z.enum(['pending', 'done', 'cancelled']),
});

export const taskDetailSchema = taskViewSchema.extend({
  context: z.string().nullable(),
  updates: z.array(taskUpdateViewSchema),
  occurrences: z.array(taskOccurrenceViewSchema),
});
export type TaskDetail = z.infer<typeof taskDetailSchema>;

const trueFlag = z.enum(['true', 'false']).optional();
export const taskListQuerySchema = listQuerySchema.extend({
  planId: uuidSchema.optional(),
  agencyId: uuidSchema.optional(),
  status: taskStatusSchema.optional(),
  overdue: trueFlag,
  dueSoon: trueFlag,
  /** The actor's agency inbox: tasks where one of the actor's agencies is lead or coordinating. */
  mine: trueFlag,
});

const fileIdsSchema = z.array(uuidSchema).max(10).optional();
export const taskProgressBodySchema = z.strictObject({
  percent: z.number().int().min(0).max(100),
  narrative: text(5000),
  fileIds: fileIdsSchema,
  occurrenceId: uuidSchema.optional(),
});
export const taskContributionBodySchema = z.strictObject({ narrative: text(5000), fileIds: fileIdsSchema });
export const taskSubmitBodySchema = z.strictObject({ narrative: optionalText(5000), fileIds: fileIdsSchema });
export const taskAcceptBodySchema = z.strictObject({ comment: optionalText(2000) });
export const taskCommentBodySchema = z.strictObject({ comment: text(2000) });
export const taskChaseBodySchema = z.strictObject({ message: text(2000) });

export const uploadFileBodySchema = z.strictObject({
  fileName: fileNameSchema,
  contentBase64: base64Text(FILE_MAX_BYTES),
  mime: z
    .string()
    .max(100)
    .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i, { message: 'Kiểu tệp (MIME) không hợp lệ.' }),
});

// ── Notifications ─────────────────────────────────────────────────────────────────────────────────
export const notificationViewSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.uuid().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type NotificationView = z.infer<typeof notificationViewSchema>;

export const notificationListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: safeString(500).optional(),
  unreadOnly: trueFlag,
});

export const digestRunBodySchema = z.strictObject({ date: isoDateSchema.optional() });
export const digestRunResultSchema = z.object({
  date: z.string(),
  agencies: z.number().int(),
  notificationsCreated: z.number().int(),
  emailsSent: z.number().int(),
});
