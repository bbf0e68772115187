import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
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
import { createdAt, idColumn, updatedAt } from './columns.ts';
import { users } from './identity.ts';
import { agencies, orgUnits } from './reference.ts';

/**
 * Victim files (hồ sơ nạn nhân): reception, verification and identification, protection, support,
 * referral and follow-up of victims and persons being identified. Confidential by design:
 *
 * - Everything that identifies a person (name, other names, citizen ID, passport, address, phone,
 *   guardian) and the narratives that may (statements, protection details, threats, notes) are
 *   stored encrypted by the server (AES-256-GCM, columns ending in `_enc`, format
 *   `v1:<keyId>:<iv>:<tag>:<data>`, keys kept outside the database). `VICTIM_ENCRYPTED_COLUMNS`
 *   lists them for key rotation.
 * - Exact lookups go through blind indexes (`*_hmac`: HMAC-SHA256 under a separate index key):
 *   citizen ID and passport, and `name_tokens`, one token per accent-folded word of the names, so
 *   that "nguyen hoa" finds "Nguyễn Thị Hoà" without any plaintext name in the database.
 * - Every table queried by scope carries the file's `org_unit_id` and `agency_id`.
 * Nothing is deleted: decisions are revised, consents withdrawn, referrals cancelled.
 */

/** The encrypted columns, for key rotation (apps/server/src/platform/crypto). Each is keyed by `id`. */
export const VICTIM_ENCRYPTED_COLUMNS = [
  { table: 'victim_files', column: 'initial_support_enc' },
  { table: 'victim_persons', column: 'full_name_enc' },
  { table: 'victim_persons', column: 'other_names_enc' },
  { table: 'victim_persons', column: 'citizen_id_enc' },
  { table: 'victim_persons', column: 'passport_enc' },
  { table: 'victim_persons', column: 'home_address_enc' },
  { table: 'victim_persons', column: 'phone_enc' },
  { table: 'victim_persons', column: 'guardian_enc' },
  { table: 'victim_statements', column: 'content_enc' },
  { table: 'victim_protection_assessments', column: 'details_enc' },
  { table: 'victim_threats', column: 'description_enc' },
  { table: 'victim_support_services', column: 'notes_enc' },
  { table: 'victim_follow_up_visits', column: 'notes_enc' },
  { table: 'victim_facility_stays', column: 'notes_enc' },
  { table: 'victim_files', column: 'closure_note_enc' },
  { table: 'victim_record_versions', column: 'previous_enc' },
  { table: 'victim_repatriations', column: 'notes_enc' },
  { table: 'victim_attachments', column: 'file_name_enc' },
  { table: 'victim_attachments', column: 'description_enc' },
  { table: 'victim_attachments', column: 'content_enc' },
] as const;

const access = () => ({
  orgUnitId: text('org_unit_id')
    .notNull()
    .references(() => orgUnits.id),
  agencyId: uuid('agency_id').references(() => agencies.id),
});

/** The case file of a reception: where it belongs (receiving unit and agency) and the reception facts. */
export const victimFiles = pgTable(
  'victim_files',
  {
    id: idColumn(),
    /** Human reference shown instead of names: `NN-2026-4F7K2Q`. */
    reference: text('reference').notNull(),
    ...access(),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    receivedOn: date('received_on').notNull(),
    receivedByAgencyId: uuid('received_by_agency_id').references(() => agencies.id),
    /** The receiving body as written (e.g. a border post outside the agency registry). */
    receivedByName: text('received_by_name'),
    receivingOfficer: text('receiving_officer'),
    receptionPlace: text('reception_place'),
    /** RECEPTION_WAYS of the domain. */
    receptionWay: text('reception_way').notNull(),
    fromCountry: text('from_country'),
    borderGate: text('border_gate'),
    initialSupportEnc: text('initial_support_enc'),
    /** Support needs assessed at reception (SUPPORT_TYPES). */
    needs: text('needs')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** CONFIDENTIALITY_FLAGS: standing instructions shown to every reader (closed hearing requested…). */
    confidentialityFlags: text('confidentiality_flags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Set while closed: the date, FILE_CLOSURE_REASONS and a note (encrypted: it may name people). */
    closedOn: date('closed_on'),
    closureReason: text('closure_reason'),
    closureNoteEnc: text('closure_note_enc'),
    /** Bumped by every change of the file or its records: optimistic concurrency for corrections. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('victim_files_reference_idx').on(table.reference),
    index('victim_files_org_unit_idx').using('btree', table.orgUnitId.op('text_pattern_ops')),
    index('victim_files_agency_idx').on(table.agencyId),
    index('victim_files_received_idx').on(table.receivedOn, table.id),
    check('victim_files_status_check', sql`${table.status} in ('open','closed')`),
  ],
);

/** A person of a file: the person being identified, accompanying children, relatives. */
export const victimPersons = pgTable(
  'victim_persons',
  {
    id: idColumn(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => victimFiles.id),
    ...access(),
    position: integer('position').notNull(),
    /** PERSON_ROLES of the domain; follows the identification status for identified persons. */
    role: text('role').notNull(),
    /** The person this one accompanies or is a relative of (a child with her mother), with the relationship. */
    relatedPersonId: uuid('related_person_id').references((): AnyPgColumn => victimPersons.id),
    relationship: text('relationship'),
    fullNameEnc: text('full_name_enc').notNull(),
    otherNamesEnc: text('other_names_enc'),
    /** Blind index of every accent-folded word of the full name and other names. */
    nameTokens: text('name_tokens').array().notNull(),
    sex: text('sex').notNull(),
    dateOfBirth: date('date_of_birth'),
    birthYear: integer('birth_year'),
    estimatedAge: integer('estimated_age'),
    ageEstimatedOn: date('age_estimated_on'),
    ageUncertain: boolean('age_uncertain').notNull().default(false),
    ethnicity: text('ethnicity'),
    citizenship: text('citizenship').notNull().default('VN'),
    citizenIdEnc: text('citizen_id_enc'),
    citizenIdHmac: text('citizen_id_hmac'),
    passportEnc: text('passport_enc'),
    passportHmac: text('passport_hmac'),
    homeOrgUnitId: text('home_org_unit_id').references(() => orgUnits.id),
    homeAddressEnc: text('home_address_enc'),
    phoneEnc: text('phone_enc'),
    language: text('language').notNull().default('vi'),
    guardianEnc: text('guardian_enc'),
    /** IDENTIFICATION_STATUSES; null for roles outside identification (accompanying children, relatives). */
    identificationStatus: text('identification_status'),
    /** The latest decision date ever taken (kept after a revision). */
    lastDecisionDate: date('last_decision_date'),
    /** The decision in force (an identification event), null while received or verifying. */
    currentDecisionId: uuid('current_decision_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('victim_persons_file_idx').on(table.fileId, table.position),
    index('victim_persons_org_unit_idx').using('btree', table.orgUnitId.op('text_pattern_ops')),
    index('victim_persons_name_tokens_idx').using('gin', table.nameTokens),
    index('victim_persons_citizen_id_idx').on(table.citizenIdHmac),
    index('victim_persons_passport_idx').on(table.passportHmac),
    index('victim_persons_home_idx').on(table.homeOrgUnitId, table.birthYear),
    check(
      'victim_persons_identification_check',
      sql`${table.identificationStatus} is null or ${table.identificationStatus} in ('received','verifying','identified_victim','not_victim')`,
    ),
  ],
);

/** Verification and identification history (xác minh, xác định): one row per transition, never edited. */
export const victimIdentificationEvents = pgTable(
  'victim_identification_events',
  {
    id: idColumn(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => victimFiles.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => victimPersons.id),
    ...access(),
    transition: text('transition').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    onDate: date('on_date').notNull(),
    /** 'victim' | 'not_victim' for decisions. */
    outcome: text('outcome'),
    decidingAgency: text('deciding_agency'),
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date'),
    legalBasis: text('legal_basis'),
    /** EVIDENCE_SOURCES (khoản 1 Điều 32 Luật PCMBN 2024). */
    evidenceSources: text('evidence_sources')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** IDENTIFICATION_INDICATORS ticked during verification. */
    indicators: text('indicators')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    reason: text('reason'),
    /** The decision a revision set aside. */
    revisedEventId: uuid('revised_event_id').references((): AnyPgColumn => victimIdentificationEvents.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (table) => [index('victim_identification_events_person_idx').on(table.personId, table.createdAt)],
);

/** Consents per purpose; withdrawn, never deleted. */
export const victimConsents = pgTable(
  'victim_consents',
  {
    id: idColumn(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => victimFiles.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => victimPersons.id),
    ...access(),
    purpose: text('purpose').notNull(),
    givenBy: text('given_by').notNull(),
    givenOn: date('given_on').notNull(),
    note: text('note'),
    withdrawnOn: date('withdrawn_on'),
    withdrawalReason: text('withdrawal_reason'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('victim_consents_person_idx').on(table.personId),
    check('victim_consents_giver_check', sql`${table.givenBy} in ('person','guardian')`),
  ],
);

/** Referrals (chuyển tuyến) between agencies: the receiving agency sees the referral sections while active. */
export const victimReferrals = pgTable(
  'victim_referrals',
  {
    id: idColumn(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => victimFiles.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => victimPersons.id),
    /** The file's unit and the sending agency. */
    ...access(),
    receivingAgencyId: uuid('receiving_agency_id')
      .notNull()
      .references(() => agencies.id),
    receivingOrgUnitId: text('receiving_org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    status: text('status').notNull().default('sent'),
    reason: text('reason').notNull(),
    /** SUPPORT_TYPES asked of the receiver. */
    services: text('services')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    basis: text('basis').notNull(),
    consentPurpose: text('consent_purpose'),
    legalBasis: text('legal_basis'),
    sentOn: date('sent_on').notNull(),
    answerDueOn: date('answer_due_on').notNull(),
    answeredOn: date('answered_on'),
    closedOn: date('closed_on'),
    declineReason: text('decline_reason'),
    cancelReason: text('cancel_reason'),
    sentBy: uuid('sent_by').references(() => users.id),
    answeredBy: uuid('answered_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('victim_referrals_file_idx').on(table.fileId),
    index('victim_referrals_receiver_idx').on(table.receivingAgencyId, table.status),
    check('victim_referrals_status_check', sql`${table.status} in ('sent','accepted','declined','completed','cancelled')`),
    check('victim_referrals_basis_check', sql`${table.basis} in ('consent','legal_basis')`),
  ],
);

/** Support rates (định mức hỗ trợ) entered by administrators: no amount is hard-coded. */
export const victimSupportRates = pgTable(
  'victim_support_rates',
  {
    id: idColumn(),
    /** The unit whose decision sets the rate (a province, or VN for a national rate). */
    orgUnitId: text('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    type: text('type').notNull(),
    amountVnd: bigint('amount_vnd', { mode: 'number' }).notNull(),
    /** What the amount is per: a person once, a day, a month. */
    per: text('per').notNull().default('person'),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    legalBasis: text('legal_basis').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (table) => [
    index('victim_support_rates_type_idx').on(table.type, table.validFrom),
    check('victim_support_rates_amount_check', sql`${table.amountVnd} >= 0`),
    check('victim_support_rates_per_check', sql`${table.per} in ('person','day','month')`),
  ],
);

/** Support given or planned (hỗ trợ): type, provider, dates, status, amount in whole đồng. */
export const victimSupportServices = pgTable(
  'victim_support_services',
  {
    id: idColumn(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => victimFiles.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => victimPersons.id),
    ...access(),
    type: text('type').notNull(),
    providerAgencyId: uuid('provider_agency_id').references(() => agencies.id),
    providerName: text('provider_name'),
    status: text('status').notNull().default('planned'),
    appliedOn: date('applied_on'),
    startedOn: date('started_on'),
    endedOn: date('ended_on'),
    amountVnd: bigint('amount_vnd', { mode: 'number' }),
    rateId: uuid('rate_id').references(() => victimSupportRates.id),
    referralId: uuid('referral_id').references(() => victimReferrals.id),
    notesEnc: text('notes_enc'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('victim_support_services_file_idx').on(table.fileId),
    index('victim_support_services_org_unit_idx').using('btree', table.orgUnitId.op('text_pattern_ops')),
    check('victim_support_services_status_check', sql`${table.status} in ('planned','in_progress','completed','cancelled')`),
    check('victim_support_services_amount_check', sql`${table.amountVnd} is null or ${table.amountVnd} >= 0`),
  ],
);

/** Support facilities (cơ sở trợ giúp xã hội, nhà tạm lánh). */
export const victimFacilities = pgTable(
  'victim_facilities',
  {
    id: idColumn(),
    name: text('name').notNull(),
    ...access(),
    capacity: integer('capacity').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [check('victim_facilities_capacity_check', sql`${table.capacity} >= 0`)],
);

/** A stay of a person in a facility. */
export const victimFacilityStays = pgTable(
  'victim_facility_stays',
  {
    id: idColumn(),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => victimFacilities.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => victimFiles.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => victimPersons.id),
    ...access(),
    admittedOn: date('admitted_on').notNull(),
    dischargedOn: date('discharged_on'),
    notesEnc: text('notes_enc'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('victim_facility_stays_facility_idx').on(table.facilityId, table.dischargedOn)],
);

/** Reintegration follow-up visits. */
export const victimFollowUpVisits = pgTable(
  'victim_follow_up_visits',
  {
    id: idColumn(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => victimFiles.id),
    personId: uuid('person_id').references(() => victimPersons.id),
    ...access(),
    visitedOn: date('visited_on').notNull(),
    visitedBy: text('visited_by'),
    situation: text('situation', { enum: ['stable', 'needs_support', 'at_risk', 'unreachable'] }).notNull(),
    notesEnc: text('notes_enc'),
    nextVisitOn: date('next_visit_on'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (table) => [
    index('victim_follow_up_visits_file_idx').on(table.fileId, table.visitedOn),
    check('victim_follow_up_visits_situation_check', sql`${table.situation} in ('stable','needs_support','at_risk','unreachable')`),
  ],
);

/** Protection: safety assessments (risk, measures; details encrypted). */
export const victimProtectionAssessments = pgTable(
  'victim_protection_assessments',
  {
    id: idColumn(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => victimFiles.id),
    ...access(),
    assessedOn: date('assessed_on').notNull(),
    riskLevel: text('risk_level').notNull(),
    /** PROTECTION_MEASURES. */
    measures: text('measures')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** What a referral receiver may see. */
    summary: text('summary'),
    /** Where the person is kept, who guards them: never shown through a referral. */
    detailsEnc: text('details_enc'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (table) => [
    index('victim_protection_assessments_file_idx').on(table.fileId, table.assessedOn),
    check('victim_protection_assessments_risk_check', sql`${table.riskLevel} in ('low','medium','high')`),
  ],
);

/** Threats against the person or relatives (log). */
export const victimThreats = pgTable(
  'victim_threats',
  {
    id: idColumn(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => victimFiles.id),
    ...access(),
    reportedOn: date('reported_on').notNull(),
    descriptionEnc: text('description_enc').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (table) => [index('victim_threats_file_idx').on(table.fileId, table.reportedOn)],
);

/** How the person was trafficked and exploited (one row per person, replaced on correction). */
export const victimExploitation = pgTable(
  'victim_exploitation',
  {
    id: idColumn(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => victimFiles.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => victimPersons.id),
    ...access(),
    forms: text('forms')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    controlMeans: text('control_means')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    recruitmentMethod: text('recruitment_method'),
    recruiterRelationship: text('recruiter_relationship'),
    /** The main destination (ISO 3166 alpha-2; VN when trafficked within the country). */
    destinationCountry: text('destination_country'),
    /** [{ country, orgUnitId, place }] along the route. */
    places: jsonb('places').$type<{ country: string; orgUnitId: string | null; place: string | null }[]>().notNull().default([]),
    recruitedOn: date('recruited_on'),
    exploitedFrom: date('exploited_from'),
    exploitedTo: date('exploited_to'),
    updatedBy: uuid('updated_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('victim_exploitation_person_idx').on(table.personId)],
);

/** Statements and records (lời khai, biên bản): content encrypted. */
export const victimStatements = pgTable(
  'victim_statements',
  {
    id: idColumn(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => victimFiles.id),
    personId: uuid('person_id').references(() => victimPersons.id),
    ...access(),
    kind: text('kind', { enum: ['statement', 'record'] })
      .notNull()
      .default('statement'),
    takenOn: date('taken_on').notNull(),
    takenBy: text('taken_by'),
    language: text('language').notNull().default('vi'),
    interpreter: boolean('interpreter').notNull().default(false),
    contentEnc: text('content_enc').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (table) => [
    index('victim_statements_file_idx').on(table.fileId, table.takenOn),
    check('victim_statements_kind_check', sql`${table.kind} in ('statement','record')`),
  ],
);

/**
 * Corrections keep history: the values a correction replaced (encrypted JSON of the record's
 * fields, as they were), which fields changed, why and by whom. Never edited.
 */
export const victimRecordVersions = pgTable(
  'victim_record_versions',
  {
    id: idColumn(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => victimFiles.id),
    ...access(),
    /** 'person' (victim_persons row) or 'reception' (the reception facts of victim_files). */
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    changedFields: text('changed_fields').array().notNull(),
    previousEnc: text('previous_enc').notNull(),
    reason: text('reason').notNull(),
    changedBy: uuid('changed_by').references(() => users.id),
    changedAt: timestamp('changed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [
    index('victim_record_versions_file_idx').on(table.fileId, table.changedAt),
    check('victim_record_versions_entity_check', sql`${table.entityType} in ('person','reception')`),
  ],
);

/** Repatriation of a foreign victim (hồi hương): the mission contacted, the handover date and place. */
export const victimRepatriations = pgTable(
  'victim_repatriations',
  {
    id: idColumn(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => victimFiles.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => victimPersons.id),
    ...access(),
    /** ISO 3166 alpha-2: the country the person returns to. */
    country: text('country').notNull(),
    /** The diplomatic mission or authority contacted (e.g. "Đại sứ quán Campuchia tại Hà Nội"). */
    mission: text('mission'),
    missionContactedOn: date('mission_contacted_on'),
    handoverOn: date('handover_on'),
    handoverPlace: text('handover_place'),
    status: text('status').notNull().default('planned'),
    notesEnc: text('notes_enc'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('victim_repatriations_file_idx').on(table.fileId),
    check('victim_repatriations_status_check', sql`${table.status} in ('planned','mission_contacted','handed_over','cancelled')`),
  ],
);

/**
 * Documents of a file (decisions, evidence, records, consent forms, support papers): name,
 * description and content encrypted; type checked from the content; at most 5 MB.
 */
export const victimAttachments = pgTable(
  'victim_attachments',
  {
    id: idColumn(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => victimFiles.id),
    personId: uuid('person_id').references(() => victimPersons.id),
    ...access(),
    /** ATTACHMENT_KINDS. */
    kind: text('kind').notNull(),
    fileNameEnc: text('file_name_enc').notNull(),
    descriptionEnc: text('description_enc'),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    /** Base64 of the bytes, encrypted as one field. */
    contentEnc: text('content_enc').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (table) => [
    index('victim_attachments_file_idx').on(table.fileId, table.createdAt),
    check('victim_attachments_size_check', sql`${table.size} > 0`),
  ],
);

/** Administrators' overrides of the legal deadline rules (DEFAULT_DEADLINE_RULES of the domain). */
export const victimDeadlineRules = pgTable(
  'victim_deadline_rules',
  {
    code: text('code').primaryKey(),
    days: integer('days').notNull(),
    kind: text('kind').notNull(),
    legalReference: text('legal_reference'),
    note: text('note'),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: updatedAt(),
  },
  (table) => [
    check('victim_deadline_rules_kind_check', sql`${table.kind} in ('calendar','working')`),
    check('victim_deadline_rules_days_check', sql`${table.days} between 0 and 365`),
  ],
);

/** Non-working days beyond the fixed public holidays (Tết, Giỗ Tổ Hùng Vương, days off in lieu). */
export const victimHolidays = pgTable('victim_holidays', {
  date: date('date').primaryKey(),
  name: text('name').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
});
