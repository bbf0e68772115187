import {
  ATTACHMENT_KINDS,
  CONFIDENTIALITY_FLAGS,
  CONSENT_GIVERS,
  CONSENT_PURPOSES,
  CONTROL_MEANS,
  EVIDENCE_SOURCES,
  EXPLOITATION_FORMS,
  FILE_CLOSURE_REASONS,
  IDENTIFICATION_INDICATORS,
  IDENTIFICATION_STATUSES,
  IDENTIFICATION_TRANSITIONS,
  isCountryCode,
  isRealIsoDate,
  PERSON_ROLES,
  PROTECTION_MEASURES,
  RECEPTION_WAYS,
  RECRUITER_RELATIONSHIPS,
  RECRUITMENT_METHODS,
  REFERRAL_STATUSES,
  REPATRIATION_STATUSES,
  SEXES,
  SUPPORT_STATUSES,
  SUPPORT_TYPES,
  FOLLOW_UP_SITUATIONS,
  VICTIM_ATTACHMENT_MAX_BYTES,
  VICTIM_FILE_SECTIONS,
  DEADLINE_KINDS,
  type AgeBand,
} from '../victims/index.ts';
import { listQuerySchema, optionalText, orgUnitIdSchema, safeString, sortSchema, text, uuidSchema } from './common.ts';
import { z } from 'zod';

/**
 * The HTTP contracts of the victims module (hồ sơ nạn nhân). Request bodies are strict; identity
 * fields of a person are validated by the domain (`validatePersonInput`), so they travel as
 * `person: {...}` objects described in the API documentation.
 */

// ── Input pieces ──────────────────────────────────────────────────────────────────────────────────
export function dateField(label: string) {
  return z
    .string({ error: `${label} không hợp lệ.` })
    .refine((value) => isRealIsoDate(value), { error: `${label} phải là ngày có thật, dạng năm-tháng-ngày (YYYY-MM-DD).` });
}
const optionalDate = (label: string) => dateField(label).nullish();
const countryField = (label: string) =>
  z
    .string({ error: `${label} không hợp lệ.` })
    .transform((value) => value.trim().toUpperCase())
    .refine(isCountryCode, { error: `${label} phải là mã quốc gia ISO 3166 gồm 2 chữ cái (ví dụ CN, KH, LA).` });
const codes = <const T extends readonly [string, ...string[]]>(values: T, label: string, max = 20) =>
  z.array(z.enum(values, { error: `${label} không hợp lệ.` })).max(max);
const vnd = z
  .number({ error: 'Số tiền phải là số nguyên (đồng).' })
  .int({ error: 'Số tiền phải là số nguyên (đồng).' })
  .min(0, { error: 'Số tiền không được âm.' })
  .max(1_000_000_000_000, { error: 'Số tiền quá lớn.' });

/** A person's identity: see `personInputSchema` of the domain (fullName, sex, dateOfBirth, birthYear, estimatedAge, …). */
const personObject = z.record(z.string(), z.unknown()).describe('Nhân thân (personInputSchema của domain)');

export const receptionInputSchema = z.strictObject({
  receivedOn: dateField('Ngày tiếp nhận'),
  receivedByAgencyId: uuidSchema.nullish(),
  receivedByName: optionalText(300),
  receivingOfficer: optionalText(200),
  place: optionalText(500),
  way: z.enum(RECEPTION_WAYS, { error: 'Hình thức tiếp nhận không hợp lệ.' }),
  fromCountry: countryField('Nước trở về từ').nullish(),
  borderGate: optionalText(200),
  initialSupport: optionalText(4000),
  needs: codes(SUPPORT_TYPES, 'Nhu cầu hỗ trợ').optional(),
});

export const COMPANION_ROLES = ['accompanying_child', 'relative', 'under_identification'] as const;

export const createVictimFileBodySchema = z.strictObject({
  /** The receiving unit; the actor's own unit by default. */
  orgUnitId: orgUnitIdSchema.optional(),
  /** The receiving agency; the actor's own agency by default. */
  agencyId: uuidSchema.nullish(),
  reception: receptionInputSchema,
  person: personObject,
  companions: z
    .array(
      z.strictObject({
        role: z.enum(COMPANION_ROLES, { error: 'Vai trò người đi cùng không hợp lệ.' }),
        relationship: optionalText(60),
        person: personObject,
      }),
    )
    .max(10)
    .optional(),
  /** The officer checked the possible matches and this is another person. */
  confirmNotDuplicate: z.boolean().optional(),
});
export type CreateVictimFileBody = z.infer<typeof createVictimFileBodySchema>;

export const victimFileListQuerySchema = listQuerySchema.extend({
  citizenId: z.string().max(40).optional(),
  status: z.enum(IDENTIFICATION_STATUSES).optional(),
  orgUnitId: orgUnitIdSchema.optional(),
  /** open (the default view of the list) or closed files; absent: both. */
  fileStatus: z.enum(['open', 'closed']).optional(),
  /** Received on or after / on or before (YYYY-MM-DD). */
  receivedFrom: dateField('Tiếp nhận từ ngày').optional(),
  receivedTo: dateField('Tiếp nhận đến ngày').optional(),
  sort: sortSchema(['receivedOn', 'createdAt'], '-receivedOn'),
});
export type VictimFileListQuery = z.input<typeof victimFileListQuerySchema>;

export const REVEAL_FIELDS = [
  'fullName',
  'otherNames',
  'dateOfBirth',
  'citizenId',
  'passportNumber',
  'phone',
  'homeAddress',
  'guardian',
  'statements',
] as const;
export type RevealField = (typeof REVEAL_FIELDS)[number];

export const revealBodySchema = z.strictObject({
  reason: text(1000, 10).describe('Lý do cần xem (ít nhất 10 ký tự), được ghi nhật ký'),
  fields: z.array(z.enum(REVEAL_FIELDS, { error: 'Trường cần xem không hợp lệ.' })).min(1, { error: 'Chọn ít nhất một trường cần xem.' }),
  personIds: z.array(uuidSchema).max(20).optional(),
});

export const identificationBodySchema = z.strictObject({
  transition: z.enum(IDENTIFICATION_TRANSITIONS, { error: 'Bước xác định không hợp lệ.' }),
  decidingAgency: optionalText(400),
  decisionNumber: optionalText(100),
  decisionDate: z.string().max(20).nullish(),
  legalBasis: optionalText(4000),
  evidenceSources: z.array(z.string().max(60)).max(20).nullish(),
  indicators: codes(IDENTIFICATION_INDICATORS, 'Dấu hiệu nhận biết', 30).nullish(),
  reason: optionalText(4000),
});

export const consentBodySchema = z.strictObject({
  personId: uuidSchema,
  purpose: z.enum(CONSENT_PURPOSES, { error: 'Mục đích đồng ý không hợp lệ.' }),
  givenBy: z.enum(CONSENT_GIVERS, { error: 'Người đồng ý không hợp lệ.' }),
  givenOn: dateField('Ngày đồng ý'),
  note: optionalText(1000),
});

export const withdrawConsentBodySchema = z.strictObject({
  withdrawnOn: optionalDate('Ngày rút lại'),
  reason: text(1000),
});

export const referralBodySchema = z.strictObject({
  personId: uuidSchema,
  receivingAgencyId: uuidSchema,
  reason: text(2000),
  services: codes(SUPPORT_TYPES, 'Dịch vụ đề nghị').optional(),
  /** When there is no consent in force: the legal basis of sending (a procuracy request, saving a life…). */
  legalBasis: optionalText(2000),
});

export const referralActionBodySchema = z.strictObject({ reason: optionalText(2000) });
export const REFERRAL_ACTIONS = ['accept', 'decline', 'complete', 'cancel'] as const;

export const referralListQuerySchema = listQuerySchema.omit({ q: true }).extend({
  view: z.enum(['incoming', 'outgoing']).default('incoming'),
  status: z.enum(REFERRAL_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});

export const supportServiceBodySchema = z.strictObject({
  personId: uuidSchema,
  type: z.enum(SUPPORT_TYPES, { error: 'Loại hỗ trợ không hợp lệ.' }),
  providerAgencyId: uuidSchema.nullish(),
  providerName: optionalText(300),
  status: z.enum(['planned', 'in_progress', 'completed']).default('planned'),
  appliedOn: optionalDate('Ngày đề nghị hỗ trợ'),
  startedOn: optionalDate('Ngày bắt đầu hỗ trợ'),
  endedOn: optionalDate('Ngày kết thúc hỗ trợ'),
  amountVnd: vnd.nullish(),
  rateId: uuidSchema.nullish(),
  referralId: uuidSchema.nullish(),
  notes: optionalText(4000),
});

export const supportServiceUpdateBodySchema = z.strictObject({
  status: z.enum(SUPPORT_STATUSES, { error: 'Trạng thái hỗ trợ không hợp lệ.' }),
  startedOn: optionalDate('Ngày bắt đầu hỗ trợ'),
  endedOn: optionalDate('Ngày kết thúc hỗ trợ'),
  amountVnd: vnd.nullish(),
  notes: optionalText(4000),
});

export const supportRateBodySchema = z.strictObject({
  orgUnitId: orgUnitIdSchema,
  type: z.enum(SUPPORT_TYPES, { error: 'Loại hỗ trợ không hợp lệ.' }),
  amountVnd: vnd,
  per: z.enum(['person', 'day', 'month']).default('person'),
  validFrom: dateField('Ngày bắt đầu áp dụng'),
  validTo: optionalDate('Ngày hết hiệu lực'),
  legalBasis: text(1000),
});

export const supportRateListQuerySchema = z.strictObject({
  type: z.enum(SUPPORT_TYPES).optional(),
  orgUnitId: orgUnitIdSchema.optional(),
  on: dateField('Ngày áp dụng').optional(),
});

export const followUpBodySchema = z.strictObject({
  personId: uuidSchema.nullish(),
  visitedOn: dateField('Ngày thăm'),
  visitedBy: optionalText(200),
  situation: z.enum(FOLLOW_UP_SITUATIONS, { error: 'Tình hình không hợp lệ.' }),
  notes: optionalText(4000),
  nextVisitOn: optionalDate('Ngày thăm tiếp theo'),
});

export const exploitationBodySchema = z.strictObject({
  forms: codes(EXPLOITATION_FORMS, 'Mục đích bóc lột').default([]),
  controlMeans: codes(CONTROL_MEANS, 'Thủ đoạn khống chế', 30).default([]),
  recruitmentMethod: z.enum(RECRUITMENT_METHODS, { error: 'Cách thức tuyển mộ không hợp lệ.' }).nullish(),
  recruiterRelationship: z.enum(RECRUITER_RELATIONSHIPS, { error: 'Quan hệ với người tuyển mộ không hợp lệ.' }).nullish(),
  destinationCountry: countryField('Nước bị đưa đến').nullish(),
  places: z
    .array(
      z.strictObject({
        country: countryField('Quốc gia'),
        orgUnitId: orgUnitIdSchema.nullish(),
        place: optionalText(300),
      }),
    )
    .max(20)
    .default([]),
  recruitedOn: optionalDate('Ngày bị tuyển mộ'),
  exploitedFrom: optionalDate('Bị bóc lột từ ngày'),
  exploitedTo: optionalDate('Bị bóc lột đến ngày'),
});

export const statementBodySchema = z.strictObject({
  personId: uuidSchema.nullish(),
  kind: z.enum(['statement', 'record']).default('statement'),
  takenOn: dateField('Ngày lấy lời khai'),
  takenBy: optionalText(200),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, { error: 'Ngôn ngữ phải là mã ISO 639 (ví dụ vi, en, zh).' })
    .default('vi'),
  interpreter: z.boolean().default(false),
  content: text(50_000),
});

export const protectionAssessmentBodySchema = z.strictObject({
  assessedOn: dateField('Ngày đánh giá'),
  riskLevel: z.enum(['low', 'medium', 'high'], { error: 'Mức độ nguy cơ không hợp lệ.' }),
  measures: codes(PROTECTION_MEASURES, 'Biện pháp bảo vệ').default([]),
  summary: optionalText(1000),
  details: optionalText(4000),
});

export const threatBodySchema = z.strictObject({
  reportedOn: dateField('Ngày ghi nhận'),
  description: text(4000),
});

export const facilityBodySchema = z.strictObject({
  name: text(300),
  /** The facility's unit; the creator's own unit by default. */
  orgUnitId: orgUnitIdSchema.optional(),
  agencyId: uuidSchema.nullish(),
  capacity: z
    .number({ error: 'Số chỗ phải là số nguyên.' })
    .int({ error: 'Số chỗ phải là số nguyên.' })
    .min(0, { error: 'Số chỗ không được âm.' })
    .max(100_000),
});

export const facilityListQuerySchema = z.strictObject({ orgUnitId: orgUnitIdSchema.optional() });

export const stayBodySchema = z.strictObject({
  personId: uuidSchema,
  facilityId: uuidSchema,
  admittedOn: dateField('Ngày vào cơ sở'),
  notes: optionalText(4000),
});

export const dischargeBodySchema = z.strictObject({
  dischargedOn: optionalDate('Ngày ra khỏi cơ sở'),
  notes: optionalText(4000),
});

export const statisticsQuerySchema = z.strictObject({
  orgUnitId: orgUnitIdSchema.optional(),
  start: dateField('Từ ngày'),
  end: dateField('Đến ngày'),
});

// ── Views ─────────────────────────────────────────────────────────────────────────────────────────
const ageBandSchema = z.enum(['under_16', '16_17', '18_plus', 'unknown'] satisfies AgeBand[]);
const deadlineSchema = z.object({
  code: z.string(),
  label: z.string(),
  dueOn: z.string(),
  status: z.enum(['done', 'overdue', 'due_soon', 'ok']),
  legalReference: z.string().nullable(),
});

export const maskedPersonSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  role: z.enum(PERSON_ROLES),
  relatedPersonId: z.uuid().nullable(),
  relationship: z.string().nullable(),
  /** Initials only ("N.T.H."). */
  maskedName: z.string(),
  sex: z.enum(SEXES),
  /** The birth year (never the full date in a masked view), or null. */
  birthYear: z.number().int().nullable(),
  /** An estimated age and the day it was estimated on (not identifying; needed to correct the person). */
  estimatedAge: z.number().int().nullable(),
  ageEstimatedOn: z.string().nullable(),
  ageBand: ageBandSchema,
  treatedAsChild: z.boolean(),
  ageUncertain: z.boolean(),
  ethnicity: z.string().nullable(),
  citizenship: z.string(),
  citizenIdMasked: z.string().nullable(),
  passportMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  hasHomeAddress: z.boolean(),
  homeOrgUnitId: z.string().nullable(),
  homeOrgUnitName: z.string().nullable(),
  language: z.string(),
  guardian: z.object({ maskedName: z.string(), relationship: z.string(), phoneMasked: z.string().nullable() }).nullable(),
  identificationStatus: z.enum(IDENTIFICATION_STATUSES).nullable(),
});

export const victimFileListItemSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  agencyId: z.uuid().nullable(),
  agencyName: z.string().nullable(),
  receivedOn: z.string(),
  receptionWay: z.enum(RECEPTION_WAYS),
  personCount: z.number().int(),
  primary: z.object({
    id: z.uuid(),
    maskedName: z.string(),
    sex: z.enum(SEXES),
    birthYear: z.number().int().nullable(),
    treatedAsChild: z.boolean(),
    identificationStatus: z.enum(IDENTIFICATION_STATUSES).nullable(),
  }),
  /** How the reader reaches the file: its scope, or an active referral to their agency. */
  access: z.enum(['file', 'referral']),
  hasOverdueDeadline: z.boolean(),
  status: z.enum(['open', 'closed']),
  confidentialityFlags: z.array(z.enum(CONFIDENTIALITY_FLAGS)),
  createdAt: z.string(),
});

const identificationEventSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  transition: z.enum(IDENTIFICATION_TRANSITIONS),
  fromStatus: z.enum(IDENTIFICATION_STATUSES),
  toStatus: z.enum(IDENTIFICATION_STATUSES),
  onDate: z.string(),
  outcome: z.enum(['victim', 'not_victim']).nullable(),
  decidingAgency: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  legalBasis: z.string().nullable(),
  evidenceSources: z.array(z.enum(EVIDENCE_SOURCES)),
  indicators: z.array(z.string()),
  reason: z.string().nullable(),
  revisedEventId: z.uuid().nullable(),
  createdAt: z.string(),
});

export const consentViewSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  purpose: z.enum(CONSENT_PURPOSES),
  givenBy: z.enum(CONSENT_GIVERS),
  givenOn: z.string(),
  note: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
  inForce: z.boolean(),
});

export const referralViewSchema = z.object({
  id: z.uuid(),
  fileId: z.uuid(),
  fileReference: z.string(),
  personId: z.uuid(),
  personMaskedName: z.string(),
  sendingOrgUnitId: z.string(),
  sendingOrgUnitName: z.string(),
  sendingAgencyId: z.uuid().nullable(),
  sendingAgencyName: z.string().nullable(),
  receivingAgencyId: z.uuid(),
  receivingAgencyName: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  reason: z.string(),
  services: z.array(z.enum(SUPPORT_TYPES)),
  basis: z.enum(['consent', 'legal_basis']),
  legalBasis: z.string().nullable(),
  sentOn: z.string(),
  answerDueOn: z.string(),
  answeredOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  declineReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  timing: z.enum(['awaiting_answer', 'overdue', 'answered', 'withdrawn']),
  isOverdue: z.boolean(),
  /** What the reader may do now. */
  allowedActions: z.array(z.enum(REFERRAL_ACTIONS)),
});

export const supportServiceViewSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  type: z.enum(SUPPORT_TYPES),
  providerAgencyId: z.uuid().nullable(),
  providerAgencyName: z.string().nullable(),
  providerName: z.string().nullable(),
  status: z.enum(SUPPORT_STATUSES),
  appliedOn: z.string().nullable(),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  amountVnd: z.number().int().nullable(),
  rateId: z.uuid().nullable(),
  referralId: z.uuid().nullable(),
  notes: z.string().nullable(),
  decisionDueOn: z.string().nullable(),
  isDecisionOverdue: z.boolean(),
});

export const supportRateViewSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  type: z.enum(SUPPORT_TYPES),
  amountVnd: z.number().int(),
  per: z.enum(['person', 'day', 'month']),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  legalBasis: z.string(),
});

export const facilityViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  agencyId: z.uuid().nullable(),
  agencyName: z.string().nullable(),
  capacity: z.number().int(),
  /** Persons staying now. */
  occupied: z.number().int(),
  isActive: z.boolean(),
});

export const stayViewSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  facilityId: z.uuid(),
  facilityName: z.string(),
  admittedOn: z.string(),
  dischargedOn: z.string().nullable(),
  notes: z.string().nullable(),
});

const followUpViewSchema = z.object({
  id: z.uuid(),
  personId: z.uuid().nullable(),
  visitedOn: z.string(),
  visitedBy: z.string().nullable(),
  situation: z.enum(FOLLOW_UP_SITUATIONS),
  notes: z.string().nullable(),
  nextVisitOn: z.string().nullable(),
});

const exploitationViewSchema = z.object({
  personId: z.uuid(),
  forms: z.array(z.enum(EXPLOITATION_FORMS)),
  controlMeans: z.array(z.enum(CONTROL_MEANS)),
  recruitmentMethod: z.enum(RECRUITMENT_METHODS).nullable(),
  recruiterRelationship: z.enum(RECRUITER_RELATIONSHIPS).nullable(),
  destinationCountry: z.string().nullable(),
  places: z.array(z.object({ country: z.string(), orgUnitId: z.string().nullable(), place: z.string().nullable() })),
  recruitedOn: z.string().nullable(),
  exploitedFrom: z.string().nullable(),
  exploitedTo: z.string().nullable(),
});

const statementMetaSchema = z.object({
  id: z.uuid(),
  personId: z.uuid().nullable(),
  kind: z.enum(['statement', 'record']),
  takenOn: z.string(),
  takenBy: z.string().nullable(),
  language: z.string(),
  interpreter: z.boolean(),
});

const protectionSummarySchema = z.object({
  assessedOn: z.string(),
  riskLevel: z.enum(['low', 'medium', 'high']),
  measures: z.array(z.enum(PROTECTION_MEASURES)),
  summary: z.string().nullable(),
});

export const correctionViewSchema = z.object({
  id: z.uuid(),
  entityType: z.enum(['person', 'reception']),
  /** The person corrected (entityType person). */
  personId: z.uuid().nullable(),
  changedFields: z.array(z.string()),
  reason: z.string(),
  changedAt: z.string(),
  changedByName: z.string().nullable(),
});

export const repatriationViewSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  country: z.string(),
  mission: z.string().nullable(),
  missionContactedOn: z.string().nullable(),
  handoverOn: z.string().nullable(),
  handoverPlace: z.string().nullable(),
  status: z.enum(REPATRIATION_STATUSES),
  notes: z.string().nullable(),
});

export const attachmentViewSchema = z.object({
  id: z.uuid(),
  personId: z.uuid().nullable(),
  kind: z.enum(ATTACHMENT_KINDS),
  fileName: z.string(),
  description: z.string().nullable(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedByName: z.string().nullable(),
  createdAt: z.string(),
});

export const victimFileDetailSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  agencyId: z.uuid().nullable(),
  agencyName: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  /** Set while closed (file readers only; null through a referral). */
  closure: z.object({ closedOn: z.string(), reason: z.enum(FILE_CLOSURE_REASONS), note: z.string().nullable() }).nullable(),
  confidentialityFlags: z.array(z.enum(CONFIDENTIALITY_FLAGS)),
  /** Optimistic concurrency: send it back with a correction; a stale one is a 409. */
  version: z.number().int(),
  access: z.enum(['file', 'referral']),
  sections: z.array(z.enum(VICTIM_FILE_SECTIONS)),
  /** Identity is always masked here; the plaintext comes only from POST …/reveal (audited). */
  identityMasked: z.literal(true),
  canRevealIdentity: z.boolean(),
  canManage: z.boolean(),
  canManageSupport: z.boolean(),
  /** Reception facts: to readers of the file itself (not through a referral or support alone). */
  reception: z
    .object({
      receivedOn: z.string(),
      receivedByAgencyId: z.uuid().nullable(),
      receivedByName: z.string().nullable(),
      receivingOfficer: z.string().nullable(),
      place: z.string().nullable(),
      way: z.enum(RECEPTION_WAYS),
      fromCountry: z.string().nullable(),
      borderGate: z.string().nullable(),
      initialSupport: z.string().nullable(),
    })
    .nullable(),
  needs: z.array(z.enum(SUPPORT_TYPES)).nullable(),
  persons: z.array(maskedPersonSchema),
  identificationHistory: z.array(identificationEventSchema).nullable(),
  deadlines: z.array(deadlineSchema),
  consents: z.array(consentViewSchema).nullable(),
  referrals: z.array(referralViewSchema),
  supportServices: z.array(supportServiceViewSchema).nullable(),
  followUps: z.array(followUpViewSchema).nullable(),
  stays: z.array(stayViewSchema).nullable(),
  exploitation: z.array(exploitationViewSchema).nullable(),
  statements: z.array(statementMetaSchema).nullable(),
  protection: protectionSummarySchema.nullable(),
  protectionDetails: z
    .object({
      assessments: z.array(protectionSummarySchema.extend({ id: z.uuid(), details: z.string().nullable() })),
      threats: z.array(z.object({ id: z.uuid(), reportedOn: z.string(), description: z.string() })),
    })
    .nullable(),
  /** The 'repatriation' section: file readers only. */
  repatriations: z.array(repatriationViewSchema).nullable(),
  /** The 'evidence' section (documents): file readers only; the content is fetched one by one (audited). */
  attachments: z.array(attachmentViewSchema).nullable(),
  /** Corrections of identity and reception (which fields, why, who): file readers only. */
  corrections: z.array(correctionViewSchema).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type VictimFileDetail = z.infer<typeof victimFileDetailSchema>;

export const revealResultSchema = z.object({
  persons: z.array(
    z.object({
      id: z.uuid(),
      fullName: z.string().optional(),
      otherNames: z.array(z.string()).optional(),
      dateOfBirth: z.string().nullable().optional(),
      citizenId: z.string().nullable().optional(),
      passportNumber: z.string().nullable().optional(),
      phone: z.string().nullable().optional(),
      homeAddress: z.string().nullable().optional(),
      guardian: z.object({ fullName: z.string(), relationship: z.string(), phone: z.string().nullable() }).nullable().optional(),
    }),
  ),
  statements: z.array(z.object({ id: z.uuid(), content: z.string() })).optional(),
});

const sexAgeSchema = z.object({
  total: z.number().nullable(),
  female: z.number().nullable(),
  male: z.number().nullable(),
  age_under_16: z.number().nullable(),
  age_16_17: z.number().nullable(),
  age_18_plus: z.number().nullable(),
  age_unknown: z.number().nullable(),
});
export const statisticsViewSchema = z.object({
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  window: z.object({ start: z.string(), end: z.string() }),
  /**
   * True when at least one cell is hidden (null): counts from 1 to threshold − 1 and the complementary
   * cells that would give them back, at every level (`publishVictimStatistics`).
   */
  suppressed: z.boolean(),
  threshold: z.number().int(),
  received: sexAgeSchema,
  identified: sexAgeSchema,
  byExploitation: z.record(
    z.string(),
    z.object({ total: z.number().nullable(), female: z.number().nullable(), male: z.number().nullable(), children: z.number().nullable() }),
  ),
  byDestination: z.record(z.string(), z.number().nullable()),
  byReturn: z.record(z.string(), z.number().nullable()),
  supported: z.record(z.string(), z.number().nullable()),
  supportedPersons: z.number().nullable(),
});

export const createdSchema = z.object({ id: z.uuid() });

// ── Corrections, closing, confidentiality ─────────────────────────────────────────────────────────
const reasonField = (label = 'Lý do') => text(1000, 10).describe(`${label} (ít nhất 10 ký tự), được ghi vào lịch sử và nhật ký`);

/** Correcting a person's identity: the whole person again (as at reception) and why; the old values are kept. */
export const personCorrectionBodySchema = z.strictObject({
  person: personObject,
  /** The relationship to the primary person (companions only). */
  relationship: optionalText(60),
  reason: reasonField('Lý do đính chính'),
  /** The file's `version` the officer loaded: a stale one is a 409, nothing overwritten. */
  version: z.number().int().min(1),
});

/** Correcting the reception facts; the old values are kept. */
export const receptionCorrectionBodySchema = z.strictObject({
  reception: receptionInputSchema,
  reason: reasonField('Lý do đính chính'),
  version: z.number().int().min(1),
});

export const closeFileBodySchema = z.strictObject({
  closedOn: dateField('Ngày đóng hồ sơ'),
  reason: z.enum(FILE_CLOSURE_REASONS, { error: 'Lý do đóng hồ sơ không hợp lệ.' }),
  note: optionalText(2000),
});

export const reopenFileBodySchema = z.strictObject({ reason: reasonField('Lý do mở lại') });

export const confidentialityBodySchema = z.strictObject({
  flags: codes(CONFIDENTIALITY_FLAGS, 'Chỉ dẫn bảo mật', 10),
  reason: reasonField(),
});

// ── Repatriation ──────────────────────────────────────────────────────────────────────────────────
export const repatriationBodySchema = z.strictObject({
  personId: uuidSchema,
  /** The country the person returns to; the person's citizenship by default. */
  country: countryField('Nước hồi hương').nullish(),
  mission: optionalText(300),
  missionContactedOn: optionalDate('Ngày liên hệ cơ quan đại diện'),
  handoverOn: optionalDate('Ngày bàn giao'),
  handoverPlace: optionalText(300),
  status: z.enum(REPATRIATION_STATUSES, { error: 'Trạng thái hồi hương không hợp lệ.' }).default('planned'),
  notes: optionalText(4000),
});

export const repatriationUpdateBodySchema = z.strictObject({
  mission: optionalText(300),
  missionContactedOn: optionalDate('Ngày liên hệ cơ quan đại diện'),
  handoverOn: optionalDate('Ngày bàn giao'),
  handoverPlace: optionalText(300),
  status: z.enum(REPATRIATION_STATUSES, { error: 'Trạng thái hồi hương không hợp lệ.' }),
  notes: optionalText(4000),
});

// ── Documents ─────────────────────────────────────────────────────────────────────────────────────
/** Base64 of at most VICTIM_ATTACHMENT_MAX_BYTES bytes (the server checks the decoded size and the type). */
const attachmentBase64 = safeString(Math.ceil((VICTIM_ATTACHMENT_MAX_BYTES * 4) / 3) + 4, 1).refine(
  (value) => /^[A-Za-z0-9+/]*={0,2}$/.test(value),
  { error: 'Nội dung tệp phải được mã hóa base64.' },
);

export const attachmentUploadBodySchema = z.strictObject({
  personId: uuidSchema.nullish(),
  kind: z.enum(ATTACHMENT_KINDS, { error: 'Loại tài liệu không hợp lệ.' }),
  fileName: text(255),
  description: optionalText(1000),
  contentBase64: attachmentBase64,
});

// ── Exports ───────────────────────────────────────────────────────────────────────────────────────
/** The list filter an export applies (the list's, without paging). */
export const victimExportQuerySchema = victimFileListQuerySchema.omit({ limit: true, cursor: true, sort: true });

/** An identified export: export:victim_identity and read:victim_identity in scope, a reason, logged. */
export const identifiedExportBodySchema = z.strictObject({
  reason: reasonField('Lý do xuất danh sách có thông tin nhận dạng'),
  filter: victimExportQuerySchema.optional(),
});

// ── Deadline rules and holidays (national administrators) ─────────────────────────────────────────
export const deadlineRuleUpdateBodySchema = z.strictObject({
  days: z
    .number({ error: 'Số ngày phải là số nguyên.' })
    .int({ error: 'Số ngày phải là số nguyên.' })
    .min(0, { error: 'Số ngày từ 0 đến 365.' })
    .max(365, { error: 'Số ngày từ 0 đến 365.' }),
  kind: z.enum(DEADLINE_KINDS, { error: 'Cách tính ngày không hợp lệ (ngày làm việc hoặc ngày lịch).' }),
  legalReference: text(300).describe('Căn cứ pháp lý của thời hạn (bắt buộc)'),
  note: optionalText(500),
});

export const deadlineRuleCodeParamsSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,49}$/, { error: 'Mã thời hạn không hợp lệ.' }),
});

export const deadlineRuleViewSchema = z.object({
  code: z.string(),
  label: z.string(),
  labelEn: z.string(),
  days: z.number().int(),
  kind: z.enum(DEADLINE_KINDS),
  from: z.string(),
  legalReference: z.string().nullable(),
  note: z.string().nullable(),
  /** True when an administrator changed the default of the system. */
  isOverridden: z.boolean(),
  defaultDays: z.number().int(),
  defaultKind: z.enum(DEADLINE_KINDS),
  updatedAt: z.string().nullable(),
});

export const holidayBodySchema = z.strictObject({ date: dateField('Ngày nghỉ'), name: text(200) });
export const holidayParamsSchema = z.strictObject({ date: dateField('Ngày nghỉ') });
export const holidayViewSchema = z.object({ date: z.string(), name: z.string() });

export const deadlineSettingsViewSchema = z.object({
  rules: z.array(deadlineRuleViewSchema),
  holidays: z.array(holidayViewSchema),
  /** Whether the reader may change them (a national grant of manage:victims). */
  canManage: z.boolean(),
});

// ── Registry edits ────────────────────────────────────────────────────────────────────────────────
/** Rates are never rewritten: a rate ends (validTo) and a new one is entered; the basis may be completed. */
export const supportRateUpdateBodySchema = z.strictObject({
  validTo: optionalDate('Ngày hết hiệu lực'),
  legalBasis: text(1000).optional(),
});

export const facilityUpdateBodySchema = z.strictObject({
  name: text(300).optional(),
  capacity: z
    .number({ error: 'Số chỗ phải là số nguyên.' })
    .int({ error: 'Số chỗ phải là số nguyên.' })
    .min(0, { error: 'Số chỗ không được âm.' })
    .max(100_000)
    .optional(),
  isActive: z.boolean().optional(),
});
