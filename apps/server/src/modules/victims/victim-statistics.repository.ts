import {
  agencies,
  orgUnits,
  victimExploitation,
  victimFiles,
  victimIdentificationEvents,
  victimPersons,
  victimSupportServices,
  type Executor,
} from '@atmis/db';
import type { Actor, StatWindow } from '@atmis/domain';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { fileScope } from './victims.repository.ts';
import { withinUnit } from '../../platform/access/scope-sql.ts';

/** The SQL of the victim statistics (victim-statistics.ts keeps the rules: who may see what, suppression, windows). */

/** A unit statistics are asked for: its full name and level, or null when there is none. */
export async function statisticsUnit(executor: Executor, orgUnitId: string): Promise<{ id: string; name: string; level: string } | null> {
  const [unit] = await executor
    .select({ id: orgUnits.id, name: orgUnits.fullName, level: orgUnits.level })
    .from(orgUnits)
    .where(eq(orgUnits.id, orgUnitId));
  return unit ?? null;
}

/** The type of an agency (steering committee, police…), or null when there is no such agency. */
export async function agencyTypeOf(executor: Executor, agencyId: string): Promise<string | null> {
  const [agency] = await executor.select({ type: agencies.type }).from(agencies).where(eq(agencies.id, agencyId));
  return agency?.type ?? null;
}

/** Which files are counted: those of a unit and the units under it, and optionally only what an actor may read, or one agency's. */
export interface StatFilesFilter {
  orgUnitId: string;
  /** Only the files this actor may read (`read:victims`). */
  readableBy?: Actor | undefined;
  /** Only the files this agency received. */
  agencyId?: string | undefined;
}

/** One person as the statistics read them: the stored facts, not yet turned into age bands or roles. */
export interface StatRow {
  personId: string;
  role: string;
  sex: string;
  dateOfBirth: string | null;
  birthYear: number | null;
  estimatedAge: number | null;
  ageEstimatedOn: string | null;
  ageUncertain: boolean;
  receivedOn: string;
  receptionWay: string;
  forms: string[] | null;
  destinationCountry: string | null;
  decisionDate: string | null;
  decisionOutcome: string | null;
  /** Supports not cancelled and started (any date: the rules keep those in the window). */
  supports: { type: string; startedOn: string }[];
}

/**
 * One row per person of the files matching `filter` with something in the window: received in it,
 * a victim decision in it, or a support started in it.
 */
export async function loadStatRows(executor: Executor, filter: StatFilesFilter, window: StatWindow): Promise<StatRow[]> {
  const inWindow = (column: SQL) => sql`${column} between ${window.start}::date and ${window.end}::date`;
  const activity = sql`(
    ${inWindow(sql`${victimFiles.receivedOn}`)}
    or exists (select 1 from ${victimIdentificationEvents} where ${victimIdentificationEvents.id} = ${victimPersons.currentDecisionId} and ${inWindow(sql`${victimIdentificationEvents.decisionDate}`)})
    or exists (select 1 from ${victimSupportServices} where ${victimSupportServices.personId} = ${victimPersons.id} and ${victimSupportServices.status} <> 'cancelled' and ${inWindow(sql`${victimSupportServices.startedOn}`)})
  )`;
  const conditions: SQL[] = [withinUnit(victimFiles.orgUnitId, filter.orgUnitId)];
  if (filter.readableBy) conditions.push(fileScope(filter.readableBy, 'read:victims'));
  if (filter.agencyId) conditions.push(eq(victimFiles.agencyId, filter.agencyId));
  const rows = await executor
    .select({
      personId: victimPersons.id,
      role: victimPersons.role,
      sex: victimPersons.sex,
      dateOfBirth: victimPersons.dateOfBirth,
      birthYear: victimPersons.birthYear,
      estimatedAge: victimPersons.estimatedAge,
      ageEstimatedOn: victimPersons.ageEstimatedOn,
      ageUncertain: victimPersons.ageUncertain,
      receivedOn: victimFiles.receivedOn,
      receptionWay: victimFiles.receptionWay,
      forms: victimExploitation.forms,
      destinationCountry: victimExploitation.destinationCountry,
      decisionDate: victimIdentificationEvents.decisionDate,
      decisionOutcome: victimIdentificationEvents.outcome,
    })
    .from(victimPersons)
    .innerJoin(victimFiles, eq(victimFiles.id, victimPersons.fileId))
    .leftJoin(victimExploitation, eq(victimExploitation.personId, victimPersons.id))
    .leftJoin(victimIdentificationEvents, eq(victimIdentificationEvents.id, victimPersons.currentDecisionId))
    .where(and(...conditions, sql`${victimFiles.receivedOn} <= ${window.end}::date`, activity));
  const supports = rows.length
    ? await executor
        .select({ personId: victimSupportServices.personId, type: victimSupportServices.type, startedOn: victimSupportServices.startedOn })
        .from(victimSupportServices)
        .where(
          and(
            inArray(
              victimSupportServices.personId,
              rows.map((row) => row.personId),
            ),
            sql`${victimSupportServices.status} <> 'cancelled' and ${victimSupportServices.startedOn} is not null`,
          ),
        )
    : [];
  return rows.map((row) => ({
    ...row,
    destinationCountry: row.destinationCountry ?? null,
    supports: supports
      .filter((support) => support.personId === row.personId)
      .map((support) => ({ type: support.type, startedOn: support.startedOn! })),
  }));
}
