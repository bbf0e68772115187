import { z } from 'zod';

/**
 * Output contract of the plan importer (`parsePlan`).
 *
 * Conventions:
 * - every date is an ISO calendar date `YYYY-MM-DD`; a period given only by years is widened to
 *   1 January … 31 December, a month to its last day, a quarter to its last day;
 * - agency names are copied exactly as written in the document (trimmed, trailing punctuation
 *   removed); collective names ("các sở, ban, ngành", "UBND các huyện, thành phố") stay one entry;
 * - whatever the parser could not establish is `null` (never guessed) and, when it matters to the
 *   reviewer, explained by an entry in `warnings` (Vietnamese message).
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const documentKindSchema = z.enum([
  'plan',
  'program',
  'decision',
  'directive',
  'report',
  'official_letter',
  'notice',
  'guidance',
  'unknown',
]);
export type DocumentKind = z.infer<typeof documentKindSchema>;

export const recurrenceSchema = z.enum(['continuous', 'monthly', 'quarterly', 'six_monthly', 'yearly']);
export type Recurrence = z.infer<typeof recurrenceSchema>;

export const reportFrequencySchema = z.enum(['monthly', 'quarterly', 'six_monthly', 'yearly', 'ad_hoc', 'once']);
export type ReportFrequency = z.infer<typeof reportFrequencySchema>;

export const comparatorSchema = z.enum(['=', '>', '>=', '<', '<=']);
export type Comparator = z.infer<typeof comparatorSchema>;

export const documentSchema = z.object({
  /** Registration number ("45" in "Số: 45/KH-UBND"); null when blank or absent. */
  number: z.string().nullable(),
  /** Symbol ("KH-UBND"); kept even when the number is blank. */
  symbol: z.string().nullable(),
  /** Issuing body as written (header block, or the preamble "…, UBND tỉnh xây dựng kế hoạch"). */
  issuer: z.string().nullable(),
  place: z.string().nullable(),
  date: isoDate.nullable(),
  /** The place/date line as written, useful when `date` is null ("ngày tháng 4 năm 2021"). */
  dateText: z.string().nullable(),
  title: z.string().nullable(),
  kind: documentKindSchema,
});

export const legalReferenceSchema = z.object({
  /** 'Quyết định', 'Kế hoạch', 'Chỉ thị', 'Nghị quyết', 'Nghị định', 'Luật', 'Thông tư', 'Công văn'… */
  kind: z.string(),
  /** "193/QĐ-TTg"; null for laws cited by name only ("Luật Phòng, chống mua bán người năm 2011"). */
  number: z.string().nullable(),
  date: isoDate.nullable(),
  issuer: z.string().nullable(),
  title: z.string().nullable(),
});
export type LegalReference = z.infer<typeof legalReferenceSchema>;

export const periodSchema = z.object({
  from: isoDate.nullable(),
  to: isoDate.nullable(),
  /** "định hướng đến năm 2030" / "tầm nhìn đến năm 2045" → 31 December of that year. */
  orientationTo: isoDate.nullable(),
});

export const phaseSchema = z.object({
  label: z.string(),
  from: isoDate.nullable(),
  to: isoDate.nullable(),
});

export const targetSchema = z.object({
  /** The clause stating the target, as written. */
  text: z.string(),
  comparator: comparatorSchema,
  value: z.number(),
  /** '%' for percentages, 'count' for absolute numbers ("ít nhất 02 lớp", "10/10 huyện"). */
  unit: z.enum(['%', 'count']),
  /** For counts: the counted noun ("lớp", "huyện"); null for percentages. */
  noun: z.string().nullable(),
  /** For "10/10 huyện": the denominator (10); otherwise null. */
  outOf: z.number().nullable(),
  /** 'decrease' for "giảm 10%", 'increase' for "tăng 10%", else null. */
  direction: z.enum(['increase', 'decrease']).nullable(),
  /** Section path where the target was stated ("I.2"); null before the first section. */
  section: z.string().nullable(),
});
export type PlanTarget = z.infer<typeof targetSchema>;

export const sectionSchema = z.object({
  path: z.string(),
  heading: z.string(),
});

export const campaignSchema = z.object({
  from: isoDate,
  to: isoDate,
  text: z.string(),
});

export const taskSchema = z.object({
  /** Human-readable section: "III.1. Công an tỉnh" ('' when the task is outside any section). */
  section: z.string(),
  /** Machine-readable section path: "III.1". */
  sectionPath: z.string(),
  text: z.string(),
  /** Intro line of a bullet group ("…, trọng tâm là:") the task belongs to, else null. */
  context: z.string().nullable(),
  lead: z.array(z.string()),
  coordinating: z.array(z.string()),
  /** Bodies the issuer cannot order, only request ("Đề nghị Viện Kiểm sát…"). */
  requested: z.array(z.string()),
  deadline: isoDate.nullable(),
  /** The deadline phrase as written ("trước ngày 15/8/2024", "Thời gian: năm 2022"). */
  deadlineText: z.string().nullable(),
  recurrence: recurrenceSchema.nullable(),
  campaign: z.object({ from: isoDate, to: isoDate }).nullable(),
});
export type PlanTask = z.infer<typeof taskSchema>;

export const reportingSchema = z.object({
  frequency: reportFrequencySchema,
  /** Who must report (as written), when the sentence or its task says so. */
  from: z.array(z.string()),
  recipient: z.string().nullable(),
  /** Channel / parenthetical after the recipient: "qua Phòng Tham mưu, Công an tỉnh". */
  via: z.string().nullable(),
  /** ISO date only when the document gives a full date. */
  due: isoDate.nullable(),
  /** The due rule as written ("trước ngày 15/6"), also when `due` is null. */
  dueText: z.string().nullable(),
  subject: z.string().nullable(),
});
export type ReportingRule = z.infer<typeof reportingSchema>;

export const signerSchema = z.object({
  /** The signer's position: the first position line under the authority lines ("PHÓ CHỦ TỊCH"). */
  title: z.string().nullable(),
  name: z.string().nullable(),
  /** "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "TL.", "TUQ.", "Q." lines. */
  authority: z.array(z.string()),
  /** Every position line, in order (a signer may hold several: "TRƯỞNG BAN…", "PHÓ CHỦ TỊCH…"). */
  positions: z.array(z.string()),
});

export const warningSchema = z.object({
  code: z.string(),
  message: z.string(),
  excerpt: z.string().optional(),
});
export type PlanImportWarning = z.infer<typeof warningSchema>;

export const planImportResultSchema = z.object({
  document: documentSchema,
  /** Documents the plan says it implements ("Căn cứ…", "Thực hiện…" before the first part). */
  legalBasis: z.array(legalReferenceSchema),
  /** Other documents cited in the body (not part of the legal basis). */
  references: z.array(legalReferenceSchema),
  period: periodSchema,
  phases: z.array(phaseSchema),
  targets: z.array(targetSchema),
  sections: z.array(sectionSchema),
  tasks: z.array(taskSchema),
  reporting: z.array(reportingSchema),
  campaigns: z.array(campaignSchema),
  signer: signerSchema,
  /** "Nơi nhận" entries, as written, without the "Lưu" (archive) line. */
  recipients: z.array(z.string()),
  /** The "Lưu: VT, …" archive line of "Nơi nhận", without the word "Lưu". */
  archive: z.string().nullable(),
  warnings: z.array(warningSchema),
});

export type PlanImportResult = z.infer<typeof planImportResultSchema>;
