/** Plan importer: Vietnamese plan text → structured, reviewable JSON. Pure functions only. */
export { parsePlan, isLikelyPlan, emptyResult } from './parse-plan.ts';
export { normalizeText } from './text.ts';
export { parseAgencyList, parseAgencyHeading, agencyNames } from './agencies.ts';
export { extractAssignment } from './tasks.ts';
export { findDeadline, findRecurrence, findDateRanges, isoDate } from './dates.ts';
export { findTargets } from './targets.ts';
export { findReporting } from './reporting.ts';
export { findReferences } from './legal.ts';
export { planImportResultSchema, documentKindSchema, recurrenceSchema, reportFrequencySchema, comparatorSchema } from './schema.ts';
export type {
  PlanImportResult,
  PlanTask,
  PlanTarget,
  ReportingRule,
  LegalReference,
  PlanImportWarning,
  DocumentKind,
  Recurrence,
  ReportFrequency,
  Comparator,
} from './schema.ts';
export { applyImportReview, reconcileImportWarnings, placeReviewTask, type ImportReviewOutcome } from './review.ts';
