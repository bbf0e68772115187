import {
  orgUnits,
  users,
  victimExploitation,
  victimFiles,
  victimPersons,
  victimReferrals,
  victimSupportServices,
  type Executor,
} from '@atmis/db';
import type { Actor, Permission, SupportStatus, SupportType } from '@atmis/domain';
import { and, asc, desc, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import { victimFileCondition, type VictimFileFilter } from './victim-list.repository.ts';
import { ACTIVE_REFERRAL, fileScope, uuidList, type PersonRow } from './victims.repository.ts';

// The SQL of the list exports. Every query is over the files matching one WHERE clause
// (`exportFileCondition`); who sees which row and column is the service's rule.

/**
 * The files of an export: the file list's condition (`victimFileCondition`: reach and filter),
 * narrowed to the files in the actor's scope of each of `scopePermissions`.
 */
export function exportFileCondition(
  cipher: FieldCipher,
  actor: Actor,
  filter: VictimFileFilter,
  scopePermissions: readonly Permission[],
): SQL {
  const conditions: SQL[] = [victimFileCondition(cipher, actor, filter)];
  for (const permission of scopePermissions) conditions.push(fileScope(actor, permission));
  return and(...conditions)!;
}

/** `column` is the id of one of the files matching `where`. */
const inFiles = (where: SQL, column: AnyColumn) => sql`${column} in (select ${victimFiles.id} from ${victimFiles} where ${where})`;

/** How many persons the files matching `where` hold. */
export async function countPersonsInFiles(executor: Executor, where: SQL): Promise<number> {
  const [count] = await executor
    .select({ persons: sql<number>`count(*)::int` })
    .from(victimPersons)
    .where(inFiles(where, victimPersons.fileId));
  return count?.persons ?? 0;
}

export interface ExportFileRow {
  id: string;
  reference: string;
  orgUnitId: string;
  unitName: string;
  agencyId: string | null;
  receivedOn: string;
  receptionWay: string;
  fromCountry: string | null;
  status: 'open' | 'closed';
}

/** The files matching `where` with their unit's name, the latest received first (then by reference). */
export async function exportFiles(executor: Executor, where: SQL): Promise<ExportFileRow[]> {
  return executor
    .select({
      id: victimFiles.id,
      reference: victimFiles.reference,
      orgUnitId: victimFiles.orgUnitId,
      unitName: orgUnits.fullName,
      agencyId: victimFiles.agencyId,
      receivedOn: victimFiles.receivedOn,
      receptionWay: victimFiles.receptionWay,
      fromCountry: victimFiles.fromCountry,
      status: victimFiles.status,
    })
    .from(victimFiles)
    .innerJoin(orgUnits, eq(orgUnits.id, victimFiles.orgUnitId))
    .where(where)
    .orderBy(desc(victimFiles.receivedOn), asc(victimFiles.reference));
}

/** The persons of the files matching `where`, by file then position in the file. */
export async function exportPersons(executor: Executor, where: SQL): Promise<PersonRow[]> {
  return executor
    .select()
    .from(victimPersons)
    .where(inFiles(where, victimPersons.fileId))
    .orderBy(asc(victimPersons.fileId), asc(victimPersons.position));
}

export interface ExportExploitationRow {
  personId: string;
  forms: string[];
  destination: string | null;
}

/** The exploitation records (forms, destination country) of the files matching `where`. */
export async function exportExploitation(executor: Executor, where: SQL): Promise<ExportExploitationRow[]> {
  return executor
    .select({
      personId: victimExploitation.personId,
      forms: victimExploitation.forms,
      destination: victimExploitation.destinationCountry,
    })
    .from(victimExploitation)
    .where(inFiles(where, victimExploitation.fileId));
}

/** The type of each support service in one of `statuses` of the files matching `where`, with its person. */
export async function exportSupportTypes(
  executor: Executor,
  where: SQL,
  statuses: readonly SupportStatus[],
): Promise<{ personId: string; type: SupportType }[]> {
  const rows = await executor
    .select({ personId: victimSupportServices.personId, type: victimSupportServices.type })
    .from(victimSupportServices)
    .where(and(inFiles(where, victimSupportServices.fileId), inArray(victimSupportServices.status, [...statuses])));
  return rows.map((row) => ({ personId: row.personId, type: row.type as SupportType }));
}

/** The persons of the files matching `where` with an active referral (sent, accepted) to one of these receiving agencies (not empty). */
export async function exportReferredPersonIds(executor: Executor, where: SQL, agencyIds: readonly string[]): Promise<string[]> {
  const rows = await executor
    .select({ personId: victimReferrals.personId })
    .from(victimReferrals)
    .where(
      and(inFiles(where, victimReferrals.fileId), ACTIVE_REFERRAL, sql`${victimReferrals.receivingAgencyId} in (${uuidList(agencyIds)})`),
    );
  return rows.map((row) => row.personId);
}

/** A user's full name, or null when there is no such user. */
export async function userFullName(executor: Executor, userId: string): Promise<string | null> {
  const [user] = await executor.select({ fullName: users.fullName }).from(users).where(eq(users.id, userId));
  return user?.fullName ?? null;
}
