import {
  agencies,
  orgUnits,
  victimDeadlineRules,
  victimFacilities,
  victimFacilityStays,
  victimFiles,
  victimHolidays,
  victimPersons,
  victimReferrals,
  type Executor,
} from '@atmis/db';
import { communeCodeOf, scopeFilterFor, type Actor, type Permission } from '@atmis/domain';
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { orgUnitNamesById } from '../org-units/index.ts';
import { scopeCondition } from '../../platform/access/scope-sql.ts';
import { currentVersionOf } from '../../platform/commands/versions.repository.ts';

/**
 * Who reaches a victim file, in SQL — the same rule as `victimRelationsOf` of the domain:
 * read:victims or read:support in scope over the file's unit and agency, or an active referral
 * (sent, accepted) to an agency the reader holds read:victims or read:support for.
 */
export const REFERRAL_READ: readonly Permission[] = ['read:victims', 'read:support'];

/** The agencies an actor acts for as a referral receiver, with any of `permissions`. */
export function receiverAgencyIds(actor: Actor, permissions: readonly Permission[] = REFERRAL_READ): string[] {
  const ids = new Set<string>();
  for (const assignment of actor.assignments) {
    if (assignment.agencyId && assignment.permissions.some((permission) => permissions.includes(permission))) ids.add(assignment.agencyId);
  }
  return [...ids].sort();
}

export function uuidList(ids: readonly string[]): SQL {
  return sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
}

export const ACTIVE_REFERRAL = sql`${victimReferrals.status} in ('sent','accepted')`;

export function fileScope(actor: Actor, permission: Permission): SQL {
  return scopeCondition(scopeFilterFor(actor, permission), { orgUnitId: victimFiles.orgUnitId, agencyId: victimFiles.agencyId });
}

/** Files reached through an active referral to one of the actor's receiving agencies. */
export function referralReach(actor: Actor): SQL {
  const agencyIds = receiverAgencyIds(actor);
  if (agencyIds.length === 0) return sql`false`;
  return sql`exists (select 1 from ${victimReferrals} where ${victimReferrals.fileId} = ${victimFiles.id} and ${ACTIVE_REFERRAL} and ${victimReferrals.receivingAgencyId} in (${uuidList(agencyIds)}))`;
}

/** Every file the actor reaches in any way (list, detail, counts). */
export function fileReach(actor: Actor): SQL {
  return sql`(${fileScope(actor, 'read:victims')} or ${fileScope(actor, 'read:support')} or ${referralReach(actor)})`;
}

const fileColumns = {
  id: victimFiles.id,
  reference: victimFiles.reference,
  orgUnitId: victimFiles.orgUnitId,
  orgUnitName: orgUnits.fullName,
  agencyId: victimFiles.agencyId,
  agencyName: agencies.name,
  ownerUserId: victimFiles.ownerUserId,
  status: victimFiles.status,
  receivedOn: victimFiles.receivedOn,
  receivedByAgencyId: victimFiles.receivedByAgencyId,
  receivedByName: victimFiles.receivedByName,
  receivingOfficer: victimFiles.receivingOfficer,
  receptionPlace: victimFiles.receptionPlace,
  receptionWay: victimFiles.receptionWay,
  fromCountry: victimFiles.fromCountry,
  borderGate: victimFiles.borderGate,
  initialSupportEnc: victimFiles.initialSupportEnc,
  needs: victimFiles.needs,
  confidentialityFlags: victimFiles.confidentialityFlags,
  closedOn: victimFiles.closedOn,
  closureReason: victimFiles.closureReason,
  closureNoteEnc: victimFiles.closureNoteEnc,
  version: victimFiles.version,
  createdAt: victimFiles.createdAt,
  updatedAt: victimFiles.updatedAt,
};

function selectFiles(executor: Executor) {
  return executor
    .select(fileColumns)
    .from(victimFiles)
    .innerJoin(orgUnits, eq(orgUnits.id, victimFiles.orgUnitId))
    .leftJoin(agencies, eq(agencies.id, victimFiles.agencyId));
}
export type FileRow = Awaited<ReturnType<ReturnType<typeof selectFiles>['where']>>[number];

export async function findReachableFile(executor: Executor, actor: Actor, id: string): Promise<FileRow | null> {
  const [row] = await selectFiles(executor).where(and(eq(victimFiles.id, id), fileReach(actor)));
  return row ?? null;
}

export async function activeReferralAgencies(executor: Executor, fileId: string): Promise<string[]> {
  const rows = await executor
    .selectDistinct({ agencyId: victimReferrals.receivingAgencyId })
    .from(victimReferrals)
    .where(and(eq(victimReferrals.fileId, fileId), ACTIVE_REFERRAL));
  return rows.map((row) => row.agencyId);
}

/** The persons of a file referred (active referral) to one of these receiving agencies. */
export async function referredPersonIds(executor: Executor, fileId: string, agencyIds: readonly string[]): Promise<string[]> {
  const rows = await executor
    .select({ personId: victimReferrals.personId })
    .from(victimReferrals)
    .where(and(eq(victimReferrals.fileId, fileId), ACTIVE_REFERRAL, inArray(victimReferrals.receivingAgencyId, [...agencyIds])));
  return rows.map((row) => row.personId);
}

/** Whether a person has an active referral to one of these receiving agencies (`agencyIds` not empty). */
export async function hasActiveReferralOfPerson(executor: Executor, personId: string, agencyIds: readonly string[]): Promise<boolean> {
  const rows = await executor
    .select({ id: victimReferrals.id })
    .from(victimReferrals)
    .where(
      and(eq(victimReferrals.personId, personId), ACTIVE_REFERRAL, sql`${victimReferrals.receivingAgencyId} in (${uuidList(agencyIds)})`),
    );
  return rows.length > 0;
}

/**
 * Touches a file for a write (updated_at, version + 1) if it is still open (unless `allowClosed`)
 * and at `expectedVersion` (when given): the new version, or null when no row matched.
 */
export async function touchFile(
  executor: Executor,
  fileId: string,
  at: Date,
  options: { allowClosed?: boolean; expectedVersion?: number },
): Promise<number | null> {
  const conditions = [eq(victimFiles.id, fileId)];
  if (!options.allowClosed) conditions.push(eq(victimFiles.status, 'open'));
  if (options.expectedVersion !== undefined) conditions.push(eq(victimFiles.version, options.expectedVersion));
  const [touched] = await executor
    .update(victimFiles)
    .set({ updatedAt: at, version: sql`${victimFiles.version} + 1` })
    .where(and(...conditions))
    .returning({ version: victimFiles.version });
  return touched?.version ?? null;
}

/** A file's current version and when it last changed, or null when there is no such file. */
export async function fileCurrentVersion(executor: Executor, fileId: string) {
  return currentVersionOf(executor, victimFiles, fileId);
}

/** A file's status and closing day, or null when there is no such file. */
export async function fileStatusRow(executor: Executor, fileId: string) {
  const [row] = await executor
    .select({ status: victimFiles.status, closedOn: victimFiles.closedOn })
    .from(victimFiles)
    .where(eq(victimFiles.id, fileId));
  return row ?? null;
}

export type PersonRow = typeof victimPersons.$inferSelect;

export async function personsOfFile(executor: Executor, fileId: string): Promise<PersonRow[]> {
  return executor.select().from(victimPersons).where(eq(victimPersons.fileId, fileId)).orderBy(asc(victimPersons.position));
}

/** The ids among `ids` that are no org unit (an unknown commune code is a 400, never a silent null). */
export async function unknownOrgUnits(executor: Executor, ids: readonly (string | null | undefined)[]): Promise<string[]> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return [];
  const known = await orgUnitNamesById(executor, wanted);
  return wanted.filter((id) => !known.has(id));
}

export async function agencyRow(executor: Executor, id: string) {
  const [row] = await executor
    .select({ id: agencies.id, name: agencies.name, orgUnitId: agencies.orgUnitId, validTo: agencies.validTo })
    .from(agencies)
    .where(eq(agencies.id, id));
  return row ?? null;
}

/** Persons that may be the same as a new one: same citizen ID token, or same home unit, birth year ±1 and a shared name word. */
export async function duplicateCandidates(
  executor: Executor,
  facts: { citizenIdHmac: string | null; homeOrgUnitId: string | null; birthYear: number | null; nameTokens: string[] },
) {
  const conditions: SQL[] = [];
  const tokenArray = facts.nameTokens.length
    ? sql`array[${sql.join(
        facts.nameTokens.map((token) => sql`${token}`),
        sql`, `,
      )}]::text[]`
    : sql`array[]::text[]`;
  if (facts.citizenIdHmac) conditions.push(sql`${victimPersons.citizenIdHmac} = ${facts.citizenIdHmac}`);
  if (facts.homeOrgUnitId && facts.nameTokens.length) {
    const year =
      facts.birthYear === null
        ? sql`true`
        : sql`(${victimPersons.birthYear} is null or ${victimPersons.birthYear} between ${facts.birthYear - 1} and ${facts.birthYear + 1})`;
    // The same home (domain isSameHomeUnit): a commune of either era by its national code.
    const code = communeCodeOf(facts.homeOrgUnitId);
    const home = code
      ? sql`(${victimPersons.homeOrgUnitId} = ${facts.homeOrgUnitId} or ${victimPersons.homeOrgUnitId} in
            (select ${orgUnits.id} from ${orgUnits} where ${orgUnits.level} = 'commune' and ${orgUnits.code} = ${code}))`
      : sql`${victimPersons.homeOrgUnitId} = ${facts.homeOrgUnitId}`;
    conditions.push(sql`(${home} and ${year} and ${victimPersons.nameTokens} && ${tokenArray})`);
  }
  if (!conditions.length) return [];
  return (
    executor
      .select({
        personId: victimPersons.id,
        fileId: victimPersons.fileId,
        fullNameEnc: victimPersons.fullNameEnc,
        dateOfBirth: victimPersons.dateOfBirth,
        birthYear: victimPersons.birthYear,
        homeOrgUnitId: victimPersons.homeOrgUnitId,
        citizenIdHmac: victimPersons.citizenIdHmac,
        fileOrgUnitId: victimFiles.orgUnitId,
        fileOrgUnitName: orgUnits.fullName,
        fileAgencyId: victimFiles.agencyId,
      })
      .from(victimPersons)
      .innerJoin(victimFiles, eq(victimFiles.id, victimPersons.fileId))
      .innerJoin(orgUnits, eq(orgUnits.id, victimFiles.orgUnitId))
      .where(sql`(${sql.join(conditions, sql` or `)})`)
      // The likeliest first: the same citizen ID, then the most name words in common (common names share a few).
      .orderBy(
        ...(facts.citizenIdHmac ? [sql`(${victimPersons.citizenIdHmac} = ${facts.citizenIdHmac}) desc nulls last`] : []),
        sql`cardinality(array(select unnest(${victimPersons.nameTokens}) intersect select unnest(${tokenArray}))) desc`,
        victimPersons.id,
      )
      .limit(200)
  );
}

/** Administrators' overrides of the deadline rules and the extra non-working days, as stored. */
export async function deadlineSettingsRows(executor: Executor) {
  const overrides = await executor.select().from(victimDeadlineRules).orderBy(asc(victimDeadlineRules.code));
  const holidays = await executor.select().from(victimHolidays).orderBy(asc(victimHolidays.date));
  return { overrides, holidays };
}

/** Facilities with the persons staying now (`occupied`): the facility view. */
export function selectFacilities(executor: Executor) {
  return executor
    .select({
      id: victimFacilities.id,
      name: victimFacilities.name,
      orgUnitId: victimFacilities.orgUnitId,
      orgUnitName: orgUnits.fullName,
      agencyId: victimFacilities.agencyId,
      agencyName: agencies.name,
      capacity: victimFacilities.capacity,
      isActive: victimFacilities.isActive,
      occupied: sql<number>`(select count(*)::int from ${victimFacilityStays} where ${victimFacilityStays.facilityId} = ${victimFacilities.id} and ${victimFacilityStays.dischargedOn} is null)`,
    })
    .from(victimFacilities)
    .innerJoin(orgUnits, eq(orgUnits.id, victimFacilities.orgUnitId))
    .leftJoin(agencies, eq(agencies.id, victimFacilities.agencyId));
}
