import { randomBytes } from 'node:crypto';
import {
  orgUnits,
  victimConsents,
  victimExploitation,
  victimFacilityStays,
  victimFiles,
  victimFollowUpVisits,
  victimIdentificationEvents,
  victimPersons,
  victimProtectionAssessments,
  victimReferrals,
  victimStatements,
  victimSupportServices,
  victimThreats,
} from '@atmis/db';
import {
  type Actor,
  canAccess,
  type ControlMeans,
  type CreateVictimFileBody,
  type ConfidentialityFlag,
  type EvidenceSource,
  type FileClosureReason,
  type ExploitationForm,
  type Guardian,
  type IdentificationStatus,
  type IdentificationTransition,
  isPossibleDuplicate,
  nameSearchKey,
  type PersonInput,
  type ProtectionMeasure,
  type ReceptionWay,
  type RecruiterRelationship,
  type RecruitmentMethod,
  type RevealField,
  type SupportType,
  validatePersonInput,
  type VictimFileDetail,
} from '@atmis/domain';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log.ts';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import { keysetAfter, keysetCursor, keysetOrder, textSortExpression, toIso, type KeysetSort } from '../../platform/http/pagination.ts';
import {
  AAD,
  INDEX,
  invalid,
  isPersonVisible,
  loadFileAccess,
  presentMaskedPerson,
  requireAnyPermission,
  todayOf,
  type VictimDeps,
} from './victim-access.ts';
import {
  initialVerificationDeadline,
  presentConsent,
  presentFollowUp,
  presentReferral,
  presentStay,
  presentSupportService,
  referralPartiesOf,
  selectReferrals,
  selectStays,
  type DeadlineView,
} from './victim-views.ts';
import {
  agencyNames,
  agencyRow,
  duplicateCandidates,
  fileReach,
  fileScope,
  orgUnitNames,
  receiverAgencyIds,
  unknownOrgUnits,
} from './victims.repository.ts';

/** A possible duplicate found on creation: the file ids the actor may open, or only where the others are. */
export class PossibleDuplicateError extends AppError {
  constructor(
    readonly inScope: { fileId: string; reference: string }[],
    unitNames: string[],
  ) {
    super(
      inScope.length ? 'victim.possible_duplicate' : 'victim.possible_duplicate_elsewhere',
      inScope.length ? { count: inScope.length } : { unitName: unitNames.join(', ') },
    );
  }
}

const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
function newReference(receivedOn: string): string {
  const bytes = randomBytes(6);
  return `NN-${receivedOn.slice(0, 4)}-${Array.from(bytes, (byte) => REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length]).join('')}`;
}

function prefixed(prefix: string, errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [`${prefix}.${field}`, message]));
}

const birthYearOf = (person: PersonInput) => (person.dateOfBirth ? Number(person.dateOfBirth.slice(0, 4)) : person.birthYear);

export function createVictimsService({ db, clock, cipher }: VictimDeps) {
  const today = () => todayOf(clock);

  function nameTokens(names: readonly string[]): string[] {
    const words = new Set(names.flatMap((name) => nameSearchKey(name).split(' ')).filter(Boolean));
    return [...words].map((word) => cipher.blindIndex(word, INDEX.nameWord));
  }

  function personRow(person: PersonInput) {
    return {
      fullNameEnc: cipher.encrypt(person.fullName, AAD.fullName),
      otherNamesEnc: person.otherNames.length ? cipher.encryptJson(person.otherNames, AAD.otherNames) : null,
      nameTokens: nameTokens([person.fullName, ...person.otherNames]),
      sex: person.sex,
      dateOfBirth: person.dateOfBirth,
      birthYear: birthYearOf(person),
      estimatedAge: person.estimatedAge,
      ageEstimatedOn: person.ageEstimatedOn,
      ageUncertain: person.ageUncertain,
      ethnicity: person.ethnicity,
      citizenship: person.citizenship,
      citizenIdEnc: cipher.encryptNullable(person.citizenId, AAD.citizenId),
      citizenIdHmac: person.citizenId ? cipher.blindIndex(person.citizenId, INDEX.citizenId) : null,
      passportEnc: cipher.encryptNullable(person.passportNumber, AAD.passport),
      passportHmac: person.passportNumber ? cipher.blindIndex(person.passportNumber, INDEX.passport) : null,
      homeOrgUnitId: person.homeOrgUnitId,
      homeAddressEnc: cipher.encryptNullable(person.homeAddress, AAD.homeAddress),
      phoneEnc: cipher.encryptNullable(person.phone, AAD.phone),
      language: person.language,
      guardianEnc: cipher.encryptJson(person.guardian, AAD.guardian),
    };
  }

  /** Existing persons that may be `person` (domain `isPossibleDuplicate`, names compared after decryption in memory). */
  async function findDuplicates(person: PersonInput) {
    const citizenIdHmac = person.citizenId ? cipher.blindIndex(person.citizenId, INDEX.citizenId) : null;
    const candidates = await duplicateCandidates(db, {
      citizenIdHmac,
      homeOrgUnitId: person.homeOrgUnitId,
      birthYear: birthYearOf(person),
      nameTokens: nameTokens([person.fullName]),
    });
    return candidates.filter(
      (candidate) =>
        (citizenIdHmac !== null && candidate.citizenIdHmac === citizenIdHmac) ||
        isPossibleDuplicate(
          { fullName: person.fullName, dateOfBirth: person.dateOfBirth, birthYear: person.birthYear, homeOrgUnitId: person.homeOrgUnitId },
          {
            fullName: cipher.decrypt(candidate.fullNameEnc, AAD.fullName),
            dateOfBirth: candidate.dateOfBirth,
            birthYear: candidate.birthYear,
            homeOrgUnitId: candidate.homeOrgUnitId,
          },
        ),
    );
  }

  async function create(actor: Actor, body: CreateVictimFileBody, context: AuditContext) {
    const day = today();
    const orgUnitId = body.orgUnitId ?? actor.orgUnitId;
    const agencyId = body.agencyId === undefined ? actor.agencyId : body.agencyId;
    // Where the file is created must be within the creator's manage:victims scope.
    if (!canAccess(actor, 'manage:victims', { orgUnitId, agencyId })) throw forbidden();

    const fieldErrors: Record<string, string> = {};
    const warnings: Record<string, string> = {};
    const entries = [
      { prefix: 'person', role: 'under_identification' as const, relationship: null as string | null, input: body.person },
      ...(body.companions ?? []).map((companion, index) => ({
        prefix: `companions.${index}.person`,
        role: companion.role,
        relationship: companion.relationship ?? null,
        input: companion.person,
      })),
    ];
    const persons: { prefix: string; role: (typeof entries)[number]['role']; relationship: string | null; value: PersonInput }[] = [];
    for (const entry of entries) {
      const result = validatePersonInput(entry.input, day);
      Object.assign(warnings, prefixed(entry.prefix, result.warnings));
      if (!result.ok) Object.assign(fieldErrors, prefixed(entry.prefix, result.fieldErrors));
      else persons.push({ prefix: entry.prefix, role: entry.role, relationship: entry.relationship, value: result.value });
    }
    const reception = body.reception;
    if (reception.receivedOn > day) fieldErrors['reception.receivedOn'] = 'Ngày tiếp nhận không được sau ngày hiện tại.';
    else if (reception.receivedOn < '1990-01-01') fieldErrors['reception.receivedOn'] = 'Ngày tiếp nhận không hợp lệ.';
    for (const person of persons) {
      const birth = person.value.dateOfBirth;
      if (birth && birth > reception.receivedOn) fieldErrors[`${person.prefix}.dateOfBirth`] = 'Ngày sinh không được sau ngày tiếp nhận.';
    }
    if ((await unknownOrgUnits(db, [orgUnitId])).length) fieldErrors.orgUnitId = `Không có đơn vị hành chính mã ${orgUnitId}.`;
    const unknownHomes = new Set(
      await unknownOrgUnits(
        db,
        persons.map((person) => person.value.homeOrgUnitId),
      ),
    );
    for (const person of persons) {
      const home = person.value.homeOrgUnitId;
      if (home && unknownHomes.has(home)) fieldErrors[`${person.prefix}.homeOrgUnitId`] = `Không có đơn vị hành chính mã ${home}.`;
    }
    for (const [field, id] of [
      ['agencyId', agencyId],
      ['reception.receivedByAgencyId', reception.receivedByAgencyId],
    ] as const) {
      if (id && !(await agencyRow(db, id))) fieldErrors[field] = 'Không có cơ quan này trong danh mục.';
    }
    if (Object.keys(fieldErrors).length) throw invalid(fieldErrors);

    const duplicates = body.confirmNotDuplicate ? [] : (await Promise.all(persons.map((person) => findDuplicates(person.value)))).flat();
    if (duplicates.length) {
      const inScope = new Map<string, string>();
      const elsewhere = new Set<string>();
      for (const candidate of duplicates) {
        if (canAccess(actor, 'read:victims', { orgUnitId: candidate.fileOrgUnitId, agencyId: candidate.fileAgencyId })) {
          inScope.set(candidate.fileId, '');
        } else elsewhere.add(candidate.fileOrgUnitName);
      }
      if (inScope.size) {
        const rows = await db
          .select({ id: victimFiles.id, reference: victimFiles.reference })
          .from(victimFiles)
          .where(inArray(victimFiles.id, [...inScope.keys()]));
        throw new PossibleDuplicateError(
          rows.map((row) => ({ fileId: row.id, reference: row.reference })),
          [],
        );
      }
      throw new PossibleDuplicateError([], [...elsewhere].sort());
    }

    const fileId = await db.transaction(async (tx) => {
      const [file] = await tx
        .insert(victimFiles)
        .values({
          reference: newReference(reception.receivedOn),
          orgUnitId,
          agencyId,
          ownerUserId: actor.userId,
          receivedOn: reception.receivedOn,
          receivedByAgencyId: reception.receivedByAgencyId ?? null,
          receivedByName: reception.receivedByName ?? null,
          receivingOfficer: reception.receivingOfficer ?? null,
          receptionPlace: reception.place ?? null,
          receptionWay: reception.way,
          fromCountry: reception.fromCountry ?? null,
          borderGate: reception.borderGate ?? null,
          initialSupportEnc: cipher.encryptNullable(reception.initialSupport, AAD.initialSupport),
          needs: reception.needs ?? [],
          createdBy: actor.userId,
          createdAt: clock(),
          updatedAt: clock(),
        })
        .returning({ id: victimFiles.id, reference: victimFiles.reference });
      let primaryId: string | null = null;
      for (const [position, person] of persons.entries()) {
        const [row]: { id: string }[] = await tx
          .insert(victimPersons)
          .values({
            fileId: file!.id,
            orgUnitId,
            agencyId,
            position,
            role: person.role,
            relatedPersonId: position === 0 ? null : primaryId,
            relationship: person.relationship,
            ...personRow(person.value),
            identificationStatus: person.role === 'under_identification' ? 'received' : null,
            createdAt: clock(),
            updatedAt: clock(),
          })
          .returning({ id: victimPersons.id });
        if (position === 0) primaryId = row!.id;
      }
      await recordAudit(
        tx,
        context,
        {
          action: 'victim.file_created',
          entityType: 'victim_file',
          entityId: file!.id,
          orgUnitId,
          // Never identifying data in the audit trail: the reference, roles and counts only.
          details: {
            reference: file!.reference,
            receptionWay: reception.way,
            roles: persons.map((person) => person.role),
            possibleDuplicateConfirmed: Boolean(body.confirmNotDuplicate),
          },
        },
        clock(),
      );
      return file!;
    });
    return { id: fileId.id, reference: fileId.reference, warnings };
  }

  // ── List ──────────────────────────────────────────────────────────────────────────────────────
  const SORTS = {
    receivedOn: textSortExpression(victimFiles.receivedOn),
    createdAt: sql`${victimFiles.createdAt}`,
  } as const;

  async function list(
    actor: Actor,
    query: {
      limit: number;
      cursor?: string | undefined;
      q?: string | undefined;
      citizenId?: string | undefined;
      status?: IdentificationStatus | undefined;
      orgUnitId?: string | undefined;
      sort: 'receivedOn' | '-receivedOn' | 'createdAt' | '-createdAt';
    },
  ) {
    requireAnyPermission(actor, ['read:victims', 'read:support']);
    const day = today();
    const key = query.sort.replace(/^-/, '') as keyof typeof SORTS;
    const sort: KeysetSort = {
      key,
      expression: SORTS[key],
      idColumn: victimFiles.id,
      isDescending: query.sort.startsWith('-'),
      isTimestamp: key === 'createdAt',
    };
    const conditions: SQL[] = [fileReach(actor)];
    const personMatch = (condition: SQL) =>
      sql`exists (select 1 from ${victimPersons} where ${victimPersons.fileId} = ${victimFiles.id} and ${condition})`;
    if (query.q) {
      const compact = query.q.replace(/[\s.-]/g, '');
      if (/^\d{9}$|^\d{12}$/.test(compact)) {
        conditions.push(personMatch(sql`${victimPersons.citizenIdHmac} = ${cipher.blindIndex(compact, INDEX.citizenId)}`));
      } else {
        const tokens = nameTokens([query.q]);
        if (tokens.length) {
          conditions.push(
            personMatch(
              sql`${victimPersons.nameTokens} @> array[${sql.join(
                tokens.map((token) => sql`${token}`),
                sql`, `,
              )}]::text[]`,
            ),
          );
        }
      }
    }
    if (query.citizenId) {
      const compact = query.citizenId.replace(/[\s.-]/g, '');
      conditions.push(
        personMatch(
          sql`(${victimPersons.citizenIdHmac} = ${cipher.blindIndex(compact, INDEX.citizenId)} or ${victimPersons.passportHmac} = ${cipher.blindIndex(compact.toUpperCase(), INDEX.passport)})`,
        ),
      );
    }
    if (query.status) conditions.push(sql`p0.identification_status = ${query.status}`);
    if (query.orgUnitId) {
      conditions.push(sql`(${victimFiles.orgUnitId} = ${query.orgUnitId} or ${victimFiles.orgUnitId} like ${`${query.orgUnitId}.%`})`);
    }
    const where = and(...conditions)!;
    const after = keysetAfter(sort, query.cursor);
    const primary = sql`victim_persons p0`;
    const direct = sql`(${fileScope(actor, 'read:victims')} or ${fileScope(actor, 'read:support')})`;
    const rows = await db
      .select({
        id: victimFiles.id,
        reference: victimFiles.reference,
        orgUnitId: victimFiles.orgUnitId,
        orgUnitName: orgUnits.fullName,
        agencyId: victimFiles.agencyId,
        receivedOn: victimFiles.receivedOn,
        receptionWay: victimFiles.receptionWay,
        status: victimFiles.status,
        confidentialityFlags: victimFiles.confidentialityFlags,
        createdAt: victimFiles.createdAt,
        sortValue: sort.expression,
        direct: sql<boolean>`${direct}`,
        personCount: sql<number>`(select count(*)::int from ${victimPersons} where ${victimPersons.fileId} = ${victimFiles.id})`,
        primaryId: sql<string>`p0.id`,
      })
      .from(victimFiles)
      .innerJoin(orgUnits, eq(orgUnits.id, victimFiles.orgUnitId))
      .innerJoin(primary, sql`p0.file_id = ${victimFiles.id} and p0.position = 0`)
      .where(after ? and(where, after) : where)
      .orderBy(...keysetOrder(sort))
      .limit(query.limit + 1);
    const [count] = await db
      .select({ total: sql<number>`count(*)::int` })
      .from(victimFiles)
      .innerJoin(primary, sql`p0.file_id = ${victimFiles.id} and p0.position = 0`)
      .where(where);
    const page = rows.slice(0, query.limit);
    const persons = page.length
      ? await db
          .select()
          .from(victimPersons)
          .where(
            inArray(
              victimPersons.id,
              page.map((row) => row.primaryId),
            ),
          )
      : [];
    const byId = new Map(persons.map((person) => [person.id, person]));
    const agencyNameMap = await agencyNames(
      db,
      page.map((row) => row.agencyId),
    );
    const items = page.map((row) => {
      const person = presentMaskedPerson(cipher, byId.get(row.primaryId)!, day, new Map());
      return {
        id: row.id,
        reference: row.reference,
        orgUnitId: row.orgUnitId,
        orgUnitName: row.orgUnitName,
        agencyId: row.agencyId,
        agencyName: row.agencyId ? (agencyNameMap.get(row.agencyId) ?? null) : null,
        receivedOn: row.receivedOn,
        receptionWay: row.receptionWay as ReceptionWay,
        personCount: row.personCount,
        primary: {
          id: person.id,
          maskedName: person.maskedName,
          sex: person.sex,
          birthYear: person.birthYear,
          treatedAsChild: person.treatedAsChild,
          identificationStatus: person.identificationStatus,
        },
        access: row.direct ? ('file' as const) : ('referral' as const),
        hasOverdueDeadline: initialVerificationDeadline(row.receivedOn, person.identificationStatus, day).status === 'overdue',
        status: row.status,
        confidentialityFlags: row.confidentialityFlags as ConfidentialityFlag[],
        createdAt: toIso(row.createdAt) as string,
      };
    });
    const last = page.at(-1);
    return {
      items,
      total: count?.total ?? 0,
      nextCursor:
        rows.length > query.limit && last
          ? keysetCursor(sort, last.sortValue instanceof Date ? last.sortValue : String(last.sortValue), last.id)
          : null,
    };
  }

  // ── Detail ────────────────────────────────────────────────────────────────────────────────────
  async function get(actor: Actor, id: string): Promise<VictimFileDetail> {
    const day = today();
    const access = await loadFileAccess(db, actor, id);
    const { file, relations, sections } = access;
    const has = (section: (typeof sections)[number]) => sections.includes(section);
    const visible = access.persons.filter((person) => isPersonVisible(access, person.id));
    const visibleIds = visible.map((person) => person.id);
    const unitNames = await orgUnitNames(
      db,
      visible.map((person) => person.homeOrgUnitId),
    );
    const persons = has('identity') ? visible.map((person) => presentMaskedPerson(cipher, person, day, unitNames)) : [];

    const events = has('identification')
      ? await db
          .select()
          .from(victimIdentificationEvents)
          .where(and(eq(victimIdentificationEvents.fileId, id), inArray(victimIdentificationEvents.personId, visibleIds)))
          .orderBy(asc(victimIdentificationEvents.createdAt), asc(victimIdentificationEvents.id))
      : null;
    const consents = has('consents')
      ? await db
          .select()
          .from(victimConsents)
          .where(eq(victimConsents.fileId, id))
          .orderBy(asc(victimConsents.givenOn), asc(victimConsents.id))
      : null;
    const direct = relations.canView || relations.canViewSupport;
    const referralRows = await selectReferrals(db)
      .where(
        direct
          ? eq(victimReferrals.fileId, id)
          : and(eq(victimReferrals.fileId, id), inArray(victimReferrals.receivingAgencyId, receiverAgencyIds(actor))),
      )
      .orderBy(desc(victimReferrals.sentOn), desc(victimReferrals.id));
    const showPlan = has('support_plan');
    const showRecords = has('support_records');
    const services =
      showPlan || showRecords
        ? (
            await db
              .select()
              .from(victimSupportServices)
              .where(and(eq(victimSupportServices.fileId, id), inArray(victimSupportServices.personId, visibleIds)))
              .orderBy(asc(victimSupportServices.createdAt), asc(victimSupportServices.id))
          ).filter((row) => (row.status === 'planned' ? showPlan : showRecords))
        : null;
    const followUps = showRecords
      ? await db
          .select()
          .from(victimFollowUpVisits)
          .where(eq(victimFollowUpVisits.fileId, id))
          .orderBy(asc(victimFollowUpVisits.visitedOn), asc(victimFollowUpVisits.id))
      : null;
    const stays = showRecords
      ? await selectStays(db)
          .where(and(eq(victimFacilityStays.fileId, id), inArray(victimFacilityStays.personId, visibleIds)))
          .orderBy(asc(victimFacilityStays.admittedOn), asc(victimFacilityStays.id))
      : null;
    const exploitation = relations.canView
      ? await db.select().from(victimExploitation).where(eq(victimExploitation.fileId, id)).orderBy(asc(victimExploitation.createdAt))
      : null;
    const statements = has('statements')
      ? await db
          .select({
            id: victimStatements.id,
            personId: victimStatements.personId,
            kind: victimStatements.kind,
            takenOn: victimStatements.takenOn,
            takenBy: victimStatements.takenBy,
            language: victimStatements.language,
            interpreter: victimStatements.interpreter,
          })
          .from(victimStatements)
          .where(eq(victimStatements.fileId, id))
          .orderBy(asc(victimStatements.takenOn), asc(victimStatements.id))
      : null;
    const assessments =
      has('protection_summary') || has('protection_details')
        ? await db
            .select()
            .from(victimProtectionAssessments)
            .where(eq(victimProtectionAssessments.fileId, id))
            .orderBy(asc(victimProtectionAssessments.assessedOn), asc(victimProtectionAssessments.createdAt))
        : [];
    const threats = has('protection_details')
      ? await db
          .select()
          .from(victimThreats)
          .where(eq(victimThreats.fileId, id))
          .orderBy(asc(victimThreats.reportedOn), asc(victimThreats.id))
      : [];
    const summaryOf = (row: (typeof assessments)[number]) => ({
      assessedOn: row.assessedOn,
      riskLevel: row.riskLevel as 'low' | 'medium' | 'high',
      measures: row.measures as ProtectionMeasure[],
      summary: row.summary,
    });
    const latest = assessments.at(-1);

    const deadlines: DeadlineView[] = [];
    const primary = access.persons[0];
    if (relations.canView && primary) deadlines.push(initialVerificationDeadline(file.receivedOn, primary.identificationStatus, day));
    const serviceViews = services?.map((row) => presentSupportService(cipher, row, day)) ?? null;
    for (const service of serviceViews ?? []) {
      if (service.status === 'planned' && service.decisionDueOn) {
        deadlines.push({
          code: 'support_application',
          label: `Giải quyết hồ sơ đề nghị hỗ trợ (${service.type})`,
          dueOn: service.decisionDueOn,
          status: service.isDecisionOverdue ? 'overdue' : day >= service.decisionDueOn ? 'due_soon' : 'ok',
          legalReference: null,
        });
      }
    }
    const parties = (row: (typeof referralRows)[number]) =>
      referralPartiesOf(actor, row.referral, relations.canManage || relations.canManageSupport);

    return {
      id: file.id,
      reference: file.reference,
      orgUnitId: file.orgUnitId,
      orgUnitName: file.orgUnitName,
      agencyId: file.agencyId,
      agencyName: file.agencyName,
      status: file.status,
      closure:
        relations.canView && file.closedOn && file.closureReason
          ? {
              closedOn: file.closedOn,
              reason: file.closureReason as FileClosureReason,
              note: cipher.decryptNullable(file.closureNoteEnc, AAD.closureNote),
            }
          : null,
      confidentialityFlags: file.confidentialityFlags as ConfidentialityFlag[],
      version: file.version,
      access: access.access,
      sections,
      identityMasked: true,
      canRevealIdentity: relations.canRevealIdentity || (relations.isReferralReceiver && relations.referralCanRevealIdentity),
      canManage: relations.canManage,
      canManageSupport: relations.canManageSupport,
      reception: relations.canView
        ? {
            receivedOn: file.receivedOn,
            receivedByAgencyId: file.receivedByAgencyId,
            receivedByName: file.receivedByName,
            receivingOfficer: file.receivingOfficer,
            place: file.receptionPlace,
            way: file.receptionWay as ReceptionWay,
            fromCountry: file.fromCountry,
            borderGate: file.borderGate,
            initialSupport: cipher.decryptNullable(file.initialSupportEnc, AAD.initialSupport),
          }
        : null,
      needs: has('needs') ? (file.needs as SupportType[]) : null,
      persons,
      identificationHistory:
        events?.map((event) => ({
          id: event.id,
          personId: event.personId,
          transition: event.transition as IdentificationTransition,
          fromStatus: event.fromStatus as IdentificationStatus,
          toStatus: event.toStatus as IdentificationStatus,
          onDate: event.onDate,
          outcome: (event.outcome as 'victim' | 'not_victim' | null) ?? null,
          decidingAgency: event.decidingAgency,
          decisionNumber: event.decisionNumber,
          decisionDate: event.decisionDate,
          legalBasis: event.legalBasis,
          evidenceSources: event.evidenceSources as EvidenceSource[],
          indicators: event.indicators,
          reason: event.reason,
          revisedEventId: event.revisedEventId,
          createdAt: toIso(event.createdAt) as string,
        })) ?? null,
      deadlines,
      consents: consents?.map((row) => presentConsent(row, day)) ?? null,
      referrals: referralRows.map((row) => presentReferral(cipher, row, day, parties(row))),
      supportServices: serviceViews,
      followUps: followUps?.map((row) => presentFollowUp(cipher, row)) ?? null,
      stays: stays?.map((row) => presentStay(cipher, row)) ?? null,
      exploitation:
        exploitation?.map((row) => ({
          personId: row.personId,
          forms: row.forms as ExploitationForm[],
          controlMeans: row.controlMeans as ControlMeans[],
          recruitmentMethod: (row.recruitmentMethod as RecruitmentMethod | null) ?? null,
          recruiterRelationship: (row.recruiterRelationship as RecruiterRelationship | null) ?? null,
          destinationCountry: row.destinationCountry,
          places: row.places,
          recruitedOn: row.recruitedOn,
          exploitedFrom: row.exploitedFrom,
          exploitedTo: row.exploitedTo,
        })) ?? null,
      statements: statements?.map((row) => ({ ...row, kind: row.kind as 'statement' | 'record' })) ?? null,
      protection: has('protection_summary') && latest ? summaryOf(latest) : null,
      protectionDetails: has('protection_details')
        ? {
            assessments: assessments.map((row) => ({
              id: row.id,
              ...summaryOf(row),
              details: cipher.decryptNullable(row.detailsEnc, AAD.protectionDetails),
            })),
            threats: threats.map((row) => ({
              id: row.id,
              reportedOn: row.reportedOn,
              description: cipher.decrypt(row.descriptionEnc, AAD.threat),
            })),
          }
        : null,
      repatriations: null,
      attachments: null,
      corrections: null,
      createdAt: toIso(file.createdAt) as string,
      updatedAt: toIso(file.updatedAt) as string,
    };
  }

  // ── Reveal ────────────────────────────────────────────────────────────────────────────────────
  /**
   * The plaintext of identifying fields, for a stated reason: read:victim_identity in the file's
   * scope (or for the receiving agency of an active referral, the referral's persons only). Every
   * reveal is written to the audit trail with its reason, the fields and the persons — never the values.
   */
  async function reveal(
    actor: Actor,
    id: string,
    body: { reason: string; fields: RevealField[]; personIds?: string[] | undefined },
    context: AuditContext,
  ) {
    const access = await loadFileAccess(db, actor, id);
    const { relations } = access;
    const viaFile = relations.canRevealIdentity;
    const viaReferral = relations.isReferralReceiver && relations.referralCanRevealIdentity;
    if (!viaFile && !viaReferral) throw forbidden();
    const fields = [...new Set(body.fields)];
    // Statements never travel through a referral.
    if (fields.includes('statements') && !(viaFile && access.sections.includes('statements'))) throw forbidden();
    const visible = access.persons.filter((person) => viaFile || isPersonVisible(access, person.id));
    let persons = visible;
    if (body.personIds?.length) {
      persons = visible.filter((person) => body.personIds!.includes(person.id));
      if (persons.length !== new Set(body.personIds).size) throw notFound();
    }
    const want = (field: RevealField) => fields.includes(field);
    const revealed = persons.map((person) => {
      const guardian = want('guardian') ? cipher.decryptJson<Guardian>(person.guardianEnc, AAD.guardian) : undefined;
      return {
        id: person.id,
        ...(want('fullName') ? { fullName: cipher.decrypt(person.fullNameEnc, AAD.fullName) } : {}),
        ...(want('otherNames') ? { otherNames: cipher.decryptJson<string[]>(person.otherNamesEnc, AAD.otherNames) ?? [] } : {}),
        ...(want('dateOfBirth') ? { dateOfBirth: person.dateOfBirth } : {}),
        ...(want('citizenId') ? { citizenId: cipher.decryptNullable(person.citizenIdEnc, AAD.citizenId) } : {}),
        ...(want('passportNumber') ? { passportNumber: cipher.decryptNullable(person.passportEnc, AAD.passport) } : {}),
        ...(want('phone') ? { phone: cipher.decryptNullable(person.phoneEnc, AAD.phone) } : {}),
        ...(want('homeAddress') ? { homeAddress: cipher.decryptNullable(person.homeAddressEnc, AAD.homeAddress) } : {}),
        ...(guardian !== undefined ? { guardian: guardian ? { ...guardian, phone: guardian.phone ?? null } : null } : {}),
      };
    });
    const statements = want('statements')
      ? (
          await db
            .select({ id: victimStatements.id, contentEnc: victimStatements.contentEnc })
            .from(victimStatements)
            .where(eq(victimStatements.fileId, id))
            .orderBy(asc(victimStatements.takenOn), asc(victimStatements.id))
        ).map((row) => ({ id: row.id, content: cipher.decrypt(row.contentEnc, AAD.statement) }))
      : undefined;
    await db.transaction((tx) =>
      recordAudit(
        tx,
        context,
        {
          action: 'victim.reveal',
          entityType: 'victim_file',
          entityId: id,
          orgUnitId: access.file.orgUnitId,
          details: {
            reason: body.reason,
            fields,
            personIds: persons.map((person) => person.id),
            via: viaFile ? 'file' : 'referral',
            ...(statements ? { statementIds: statements.map((statement) => statement.id) } : {}),
          },
        },
        clock(),
      ),
    );
    return { persons: revealed, ...(statements ? { statements } : {}) };
  }

  return { create, list, get, reveal };
}
