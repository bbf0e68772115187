import { auditEvents, orgUnits, victimFiles, victimPersons, victimStatements, type Executor } from '@atmis/db';
import type { Actor } from '@atmis/domain';
import { and, asc, count, eq, gt, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { keysetAfter, keysetCursor, keysetOrder, textSortExpression, type KeysetSort } from '../../platform/http/pagination.ts';
import { fileScope, type PersonRow } from './victims.repository.ts';

// The register of victim files: reception (the duplicate probes, the new file and its persons), the
// file list, the statements a reveal decrypts, and the blind indexes a key rotation rewrites.

// ── Reception ─────────────────────────────────────────────────────────────────────────────────────
/**
 * Holds the duplicate check of one user until the transaction ends: a transaction-scoped advisory
 * lock keyed by the user (the two-key form, a key space apart from the audit chain's single key), so
 * that the probes of a user are counted and recorded one after another.
 */
export async function lockDuplicateProbesOf(executor: Executor, userId: string): Promise<void> {
  await executor.execute(sql`select pg_advisory_xact_lock(hashtext('victim.duplicate_probe'), hashtext(${userId}))`);
}

/** How many out-of-scope duplicate matches (`victim.duplicate_probe` audit events) a user has had since `since`. */
export async function countDuplicateProbes(executor: Executor, userId: string, since: Date): Promise<number> {
  const [row] = await executor
    .select({ matches: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.actorUserId, userId), eq(auditEvents.action, 'victim.duplicate_probe'), gt(auditEvents.occurredAt, since)));
  return row?.matches ?? 0;
}

/** The references of these files (those that exist), in no particular order. */
export async function fileReferences(executor: Executor, fileIds: readonly string[]): Promise<{ id: string; reference: string }[]> {
  return executor
    .select({ id: victimFiles.id, reference: victimFiles.reference })
    .from(victimFiles)
    .where(inArray(victimFiles.id, [...fileIds]));
}

export type NewVictimFile = typeof victimFiles.$inferInsert;
export type NewVictimPerson = typeof victimPersons.$inferInsert;

/** Writes a new file: its id and reference. */
export async function insertVictimFile(executor: Executor, values: NewVictimFile): Promise<{ id: string; reference: string }> {
  const [file] = await executor.insert(victimFiles).values(values).returning({ id: victimFiles.id, reference: victimFiles.reference });
  return file!;
}

/** Writes a person of a file: its id. */
export async function insertVictimPerson(executor: Executor, values: NewVictimPerson): Promise<string> {
  const [row] = await executor.insert(victimPersons).values(values).returning({ id: victimPersons.id });
  return row!.id;
}

// ── The file list ─────────────────────────────────────────────────────────────────────────────────
export type VictimFileSort = 'receivedOn' | '-receivedOn' | 'createdAt' | '-createdAt';

const SORTS = {
  receivedOn: textSortExpression(victimFiles.receivedOn),
  createdAt: sql`${victimFiles.createdAt}`,
} as const;

/** The file's primary person (position 0), joined as `p0`. */
const PRIMARY = sql`victim_persons p0`;
const PRIMARY_JOIN = sql`p0.file_id = ${victimFiles.id} and p0.position = 0`;

/**
 * One page of the files matching `where` (`victimFileCondition`), in keyset order: the rows (with
 * whether the actor reaches the file directly rather than through a referral, and its person count),
 * the total that match, the primary persons of the page and the cursor of the next page.
 */
export async function victimFilePage(
  executor: Executor,
  actor: Actor,
  where: SQL,
  query: { limit: number; cursor?: string | undefined; sort: VictimFileSort },
) {
  const key = query.sort.replace(/^-/, '') as keyof typeof SORTS;
  const sort: KeysetSort = {
    key,
    expression: SORTS[key],
    idColumn: victimFiles.id,
    isDescending: query.sort.startsWith('-'),
    isTimestamp: key === 'createdAt',
  };
  const after = keysetAfter(sort, query.cursor);
  const direct = sql`(${fileScope(actor, 'read:victims')} or ${fileScope(actor, 'read:support')})`;
  const rows = await executor
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
    .innerJoin(PRIMARY, PRIMARY_JOIN)
    .where(after ? and(where, after) : where)
    .orderBy(...keysetOrder(sort))
    .limit(query.limit + 1);
  const [total] = await executor
    .select({ total: sql<number>`count(*)::int` })
    .from(victimFiles)
    .innerJoin(PRIMARY, PRIMARY_JOIN)
    .where(where);
  const page = rows.slice(0, query.limit);
  const primaries: PersonRow[] = page.length
    ? await executor
        .select()
        .from(victimPersons)
        .where(
          inArray(
            victimPersons.id,
            page.map((row) => row.primaryId),
          ),
        )
    : [];
  const last = page.at(-1);
  return {
    rows: page,
    total: total?.total ?? 0,
    primaries,
    nextCursor:
      rows.length > query.limit && last
        ? keysetCursor(sort, last.sortValue instanceof Date ? last.sortValue : String(last.sortValue), last.id)
        : null,
  };
}

// ── Reveal ────────────────────────────────────────────────────────────────────────────────────────
/** The (encrypted) statements of a file, in the order they were taken. */
export async function fileStatementContents(executor: Executor, fileId: string): Promise<{ id: string; contentEnc: string }[]> {
  return executor
    .select({ id: victimStatements.id, contentEnc: victimStatements.contentEnc })
    .from(victimStatements)
    .where(eq(victimStatements.fileId, fileId))
    .orderBy(asc(victimStatements.takenOn), asc(victimStatements.id));
}

// ── Blind indexes ─────────────────────────────────────────────────────────────────────────────────
/** The encrypted identity of a person, from which its blind indexes are computed. */
export interface PersonIdentityRow {
  id: string;
  fullNameEnc: string;
  otherNamesEnc: string | null;
  citizenIdEnc: string | null;
  passportEnc: string | null;
}

/** Up to `batchSize` persons after the id `after` (from the first when null), by id. */
export async function personIdentityBatch(executor: Executor, after: string | null, batchSize: number): Promise<PersonIdentityRow[]> {
  return executor
    .select({
      id: victimPersons.id,
      fullNameEnc: victimPersons.fullNameEnc,
      otherNamesEnc: victimPersons.otherNamesEnc,
      citizenIdEnc: victimPersons.citizenIdEnc,
      passportEnc: victimPersons.passportEnc,
    })
    .from(victimPersons)
    .where(after ? gt(victimPersons.id, after) : undefined)
    .orderBy(asc(victimPersons.id))
    .limit(batchSize);
}

const unchanged = (column: AnyColumn, value: string | null) => sql`${column} is not distinct from ${value}`;

/**
 * Writes a person's blind indexes, only if its identity is unchanged since `read` was read: a
 * concurrent correction wrote its own tokens.
 */
export async function rewritePersonIndexes(
  executor: Executor,
  read: PersonIdentityRow,
  indexes: { nameTokens: string[]; citizenIdHmac: string | null; passportHmac: string | null },
): Promise<void> {
  await executor
    .update(victimPersons)
    .set(indexes)
    .where(
      and(
        eq(victimPersons.id, read.id),
        eq(victimPersons.fullNameEnc, read.fullNameEnc),
        unchanged(victimPersons.otherNamesEnc, read.otherNamesEnc),
        unchanged(victimPersons.citizenIdEnc, read.citizenIdEnc),
        unchanged(victimPersons.passportEnc, read.passportEnc),
      ),
    );
}
