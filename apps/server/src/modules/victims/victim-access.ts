import type { Database, Executor, Transaction } from '@atmis/db';
import {
  type Actor,
  type AuditAction,
  ageBand,
  type AgeFacts,
  type Guardian,
  hasPermission,
  type IdentificationStatus,
  isTreatedAsChild,
  maskCitizenId,
  type maskedPersonSchema,
  maskName,
  maskPassport,
  maskPhone,
  type Permission,
  type PersonRole,
  type Sex,
  type VictimFileSection,
  type VictimRelations,
  victimRelationsOf,
  visibleFileSections,
  formatVietnamDate,
  formatVietnamTimeOfDay,
} from '@atmis/domain';
import { vietnamToday } from '@atmis/domain/plans/index';
import type { AuditContext } from '../../platform/audit/audit-log.ts';
import { runCommand } from '../../platform/commands/run-command.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import { registeredAad } from '../../platform/crypto/encrypted-columns.ts';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { z } from 'zod';
import {
  activeReferralAgencies,
  fileCurrentVersion,
  fileStatusRow,
  findReachableFile,
  hasActiveReferralOfPerson,
  personsOfFile,
  receiverAgencyIds,
  referredPersonIds,
  touchFile,
  type FileRow,
  type PersonRow,
} from './victims.repository.ts';

/** The additional authenticated data of every encrypted column of the module. */
export const AAD = {
  initialSupport: registeredAad('victim_files', 'initial_support_enc'),
  fullName: registeredAad('victim_persons', 'full_name_enc'),
  otherNames: registeredAad('victim_persons', 'other_names_enc'),
  citizenId: registeredAad('victim_persons', 'citizen_id_enc'),
  passport: registeredAad('victim_persons', 'passport_enc'),
  homeAddress: registeredAad('victim_persons', 'home_address_enc'),
  phone: registeredAad('victim_persons', 'phone_enc'),
  guardian: registeredAad('victim_persons', 'guardian_enc'),
  statement: registeredAad('victim_statements', 'content_enc'),
  protectionDetails: registeredAad('victim_protection_assessments', 'details_enc'),
  threat: registeredAad('victim_threats', 'description_enc'),
  supportNotes: registeredAad('victim_support_services', 'notes_enc'),
  followUpNotes: registeredAad('victim_follow_up_visits', 'notes_enc'),
  stayNotes: registeredAad('victim_facility_stays', 'notes_enc'),
  closureNote: registeredAad('victim_files', 'closure_note_enc'),
  previousValues: registeredAad('victim_record_versions', 'previous_enc'),
  repatriationNotes: registeredAad('victim_repatriations', 'notes_enc'),
  attachmentName: registeredAad('victim_attachments', 'file_name_enc'),
  attachmentDescription: registeredAad('victim_attachments', 'description_enc'),
  attachmentContent: registeredAad('victim_attachments', 'content_enc'),
} as const;

/** Blind-index purposes: a token of one purpose never matches a token of another. */
export const INDEX = { citizenId: 'citizen_id', passport: 'passport', nameWord: 'name_word' } as const;

export interface VictimDeps {
  db: Database;
  clock: () => Date;
  cipher: FieldCipher;
}

export const todayOf = (clock: () => Date) => vietnamToday(clock());

/** 403 unless the actor holds at least one of the permissions somewhere (the route's coarse check). */
export function requireAnyPermission(actor: Actor, permissions: readonly Permission[]): void {
  if (!permissions.some((permission) => hasPermission(actor, permission))) throw forbidden();
}

export interface FileAccess {
  file: FileRow;
  relations: VictimRelations;
  sections: VictimFileSection[];
  /** How the reader reaches the file. */
  access: 'file' | 'referral';
  /** Persons the reader may see: everyone, or only the persons referred to their agency. */
  visiblePersonIds: Set<string> | 'all';
  persons: PersonRow[];
}

/**
 * Loads a file the actor reaches and what they are to it. Out of reach is 404, indistinguishable
 * from a missing file.
 */
export async function loadFileAccess(executor: Executor, actor: Actor, id: string): Promise<FileAccess> {
  requireAnyPermission(actor, ['read:victims', 'read:support']);
  const file = await findReachableFile(executor, actor, id);
  if (!file) throw notFound();
  const activeReferralAgencyIds = await activeReferralAgencies(executor, id);
  const relations = victimRelationsOf(actor, { orgUnitId: file.orgUnitId, agencyId: file.agencyId, activeReferralAgencyIds });
  const { sections } = visibleFileSections(relations);
  if (sections.length === 0) throw notFound();
  const persons = await personsOfFile(executor, id);
  const direct = relations.canView || relations.canViewSupport;
  let visiblePersonIds: FileAccess['visiblePersonIds'] = 'all';
  if (!direct) {
    visiblePersonIds = new Set(await referredPersonIds(executor, id, receiverAgencyIds(actor)));
  }
  return { file, relations, sections, access: direct ? 'file' : 'referral', visiblePersonIds, persons };
}

export function isPersonVisible(access: FileAccess, personId: string): boolean {
  return access.visiblePersonIds === 'all' || access.visiblePersonIds.has(personId);
}

/** A person of the file the actor may see, or 404. */
export function personOf(access: FileAccess, personId: string): PersonRow {
  const person = access.persons.find((row) => row.id === personId);
  if (!person || !isPersonVisible(access, personId)) {
    throw new AppError('validation.failed', {}, [{ path: 'personId', message: 'Người này không thuộc hồ sơ.' }]);
  }
  return person;
}

/** 'YYYY-MM-DD' as Vietnamese users read it: 'dd/MM/yyyy'. */
export function fileClosedError(closedOn: string | null): AppError {
  return new AppError('victim.file_closed', { date: closedOn ? formatVietnamDate(closedOn) : '' });
}

/**
 * A closed file takes no new record and no change until it is reopened (409 victim.file_closed).
 * Every write path calls it before validating; `createFileWriter` checks it again inside the
 * transaction, so a file closed meanwhile is not written either. Withdrawing a consent is the one
 * exception: a person may always withdraw.
 */
export function requireOpen(access: FileAccess): void {
  if (access.file.status === 'closed') throw fileClosedError(access.file.closedOn);
}

/**
 * Date checks shared by the records of a file: not in the future and, unless `notBeforeReception`
 * is false, not before the reception. Returns Vietnamese field errors (empty when all is well).
 */
export function checkFileDates(
  access: FileAccess,
  today: string,
  dates: Record<string, string | null | undefined>,
  notBeforeReception = true,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, value] of Object.entries(dates)) {
    if (!value) continue;
    if (value > today) errors[field] = 'Ngày không được sau ngày hiện tại.';
    else if (notBeforeReception && value < access.file.receivedOn) errors[field] = 'Ngày không được trước ngày tiếp nhận.';
  }
  return errors;
}

/** `checkFileDates` against the clock's today, as the casework and support services call it. */
export function createFileDateChecker(clock: () => Date) {
  return (access: FileAccess, dates: Record<string, string | null | undefined>, notBeforeReception = true) =>
    checkFileDates(access, todayOf(clock), dates, notBeforeReception);
}

/** 409 victim.stale: the file (or one of its records) changed after the writer loaded it; when, and its current version. */
export async function fileStaleError(executor: Executor, fileId: string): Promise<AppError> {
  const current = await fileCurrentVersion(executor, fileId);
  return new AppError(
    'victim.stale',
    { time: current ? formatVietnamTimeOfDay(current.updatedAt) : '', version: current?.version ?? '' },
    [],
    {
      currentVersion: current?.version ?? 0,
    },
  );
}

export interface FileWriteOptions {
  /** Allowed on a closed file (withdrawing a consent). */
  allowClosed?: boolean;
  /** Optimistic concurrency: the version the writer loaded; a stale one is a 409, nothing written. */
  expectedVersion?: number;
}

/**
 * One write on a file, on the platform's command pipeline (`runCommand`): its rows, the file touched
 * (updated_at, version + 1: every change of the file or its records moves the version the correction
 * forms carry), the audit event — one transaction. The file row is updated first, under its own
 * conditions (still open, expected version when the writer sent one), so two concurrent writers
 * serialise on it and a closed or moved file refuses the write.
 */
export function createFileWriter({ db, clock }: Pick<VictimDeps, 'db' | 'clock'>) {
  return async function write<T>(
    access: FileAccess,
    context: AuditContext,
    audit: { action: AuditAction; details: Record<string, unknown> },
    work: (tx: Transaction) => Promise<T>,
    options: FileWriteOptions = {},
  ): Promise<T> {
    const fileId = access.file.id;
    const outcome = await runCommand(db, context, clock, {
      // Loaded in the actor's scope by loadFileAccess before the caller validated its input.
      load: async () => access.file,
      expectedVersion: options.expectedVersion,
      // An action without a form (no expected version) does not race a concurrent one: it only needs the file open.
      bumpVersion: (tx) => touchFile(tx, fileId, clock(), options),
      stale: async (executor) => {
        const current = await fileStatusRow(executor, fileId);
        if (current?.status === 'closed' && !options.allowClosed) return fileClosedError(current.closedOn);
        return fileStaleError(executor, fileId);
      },
      apply: (tx) => work(tx),
      audit: () => ({
        action: audit.action,
        entityType: 'victim_file',
        entityId: fileId,
        orgUnitId: access.file.orgUnitId,
        details: audit.details,
      }),
    });
    if (!outcome.changed) throw new Error('unreachable: a file write always changes the file');
    return outcome.result;
  };
}
export type FileWriter = ReturnType<typeof createFileWriter>;

/**
 * Who may record support for a person of a file: manage:support in the file's scope, or the
 * receiving agency of an active referral of that person (with manage:support for it). 403 when
 * the reader sees the support records, else 404.
 */
export async function requireSupportManager(executor: Executor, actor: Actor, access: FileAccess, personId: string): Promise<void> {
  const person = personOf(access, personId);
  if (access.relations.canManageSupport) return;
  const managing = receiverAgencyIds(actor, ['manage:support']);
  const viaReferral =
    access.relations.isReferralReceiver && managing.length > 0 && (await hasActiveReferralOfPerson(executor, person.id, managing));
  if (!viaReferral) throw access.sections.includes('support_records') ? forbidden() : notFound();
}

/** Manage rights on the file: manage:victims, manage:support, either — or 403. */
export function requireManage(access: FileAccess, what: 'victims' | 'support' | 'either'): void {
  const { canManage, canManageSupport } = access.relations;
  const allowed = what === 'victims' ? canManage : what === 'support' ? canManageSupport : canManage || canManageSupport;
  if (!allowed) throw forbidden();
}

export function ageFactsOf(
  person: Pick<PersonRow, 'dateOfBirth' | 'birthYear' | 'estimatedAge' | 'ageEstimatedOn' | 'ageUncertain'>,
): AgeFacts {
  return {
    dateOfBirth: person.dateOfBirth,
    // The stored birth year repeats the year of a date of birth (for SQL); the domain reads the date first.
    birthYear: person.dateOfBirth ? null : person.birthYear,
    estimatedAge: person.estimatedAge,
    ageEstimatedOn: person.ageEstimatedOn,
    ageUncertain: person.ageUncertain,
  };
}

export type MaskedPerson = z.infer<typeof maskedPersonSchema>;

/** A person as every view shows them: initials, partial numbers, birth year, age band — never plaintext identity. */
export function presentMaskedPerson(cipher: FieldCipher, person: PersonRow, today: string, unitNames: Map<string, string>): MaskedPerson {
  const facts = ageFactsOf(person);
  const citizenId = cipher.decryptNullable(person.citizenIdEnc, AAD.citizenId);
  const passport = cipher.decryptNullable(person.passportEnc, AAD.passport);
  const phone = cipher.decryptNullable(person.phoneEnc, AAD.phone);
  const guardian = cipher.decryptJson<Guardian>(person.guardianEnc, AAD.guardian);
  return {
    id: person.id,
    position: person.position,
    role: person.role as PersonRole,
    relatedPersonId: person.relatedPersonId,
    relationship: person.relationship,
    maskedName: maskName(cipher.decrypt(person.fullNameEnc, AAD.fullName)),
    sex: person.sex as Sex,
    birthYear: person.dateOfBirth ? Number(person.dateOfBirth.slice(0, 4)) : person.birthYear,
    estimatedAge: person.estimatedAge,
    ageEstimatedOn: person.ageEstimatedOn,
    ageBand: ageBand(facts, today),
    treatedAsChild: isTreatedAsChild(facts, today),
    ageUncertain: person.ageUncertain,
    ethnicity: person.ethnicity,
    citizenship: person.citizenship,
    citizenIdMasked: citizenId === null ? null : maskCitizenId(citizenId),
    passportMasked: passport === null ? null : maskPassport(passport),
    phoneMasked: phone === null ? null : maskPhone(phone),
    hasHomeAddress: person.homeAddressEnc !== null,
    homeOrgUnitId: person.homeOrgUnitId,
    homeOrgUnitName: person.homeOrgUnitId ? (unitNames.get(person.homeOrgUnitId) ?? null) : null,
    language: person.language,
    guardian: guardian
      ? {
          maskedName: maskName(guardian.fullName),
          relationship: guardian.relationship,
          phoneMasked: guardian.phone ? maskPhone(guardian.phone) : null,
        }
      : null,
    identificationStatus: (person.identificationStatus as IdentificationStatus | null) ?? null,
  };
}

/** Where a manager writes for: the file's unit and agency, copied onto every row for scope. */
export function accessColumnsOf(file: Pick<FileRow, 'orgUnitId' | 'agencyId'>) {
  return { orgUnitId: file.orgUnitId, agencyId: file.agencyId };
}

/** A validation failure with Vietnamese field errors (400, nothing written). */
export function invalid(fieldErrors: Record<string, string>): AppError {
  return new AppError(
    'validation.failed',
    {},
    Object.entries(fieldErrors).map(([path, message]) => ({ path, message })),
  );
}
