import type { Database, Transaction } from '@atmis/db';
import { recordAudit, type AuditContext, type AuditEventInput } from '../audit/audit-log.ts';
import { notFound, type AppError } from '../errors/app-error.ts';
import { insertOutboxEvents, type OutboxEventInput } from '../outbox/outbox.repository.ts';

/** The fields of a record the pipeline itself needs. */
export interface Versioned {
  version: number;
}

export interface CommandSpec<R extends Versioned, P, T> {
  /** The record in the actor's scope; null (missing or out of scope) is a 404. */
  load(db: Database): Promise<R | null>;
  /** Policy: throws (403, 409 wrong state) when the actor may not do this to this record. */
  authorise?(record: R): void | Promise<void>;
  /** The version the writer based the command on; omitted for actions that need no form (they still bump it). */
  expectedVersion?: number | undefined;
  /** Validation and the computed change, outside the transaction; `null` means nothing changes (no write, no audit). */
  prepare?(record: R): Promise<P | null> | P | null;
  /**
   * Compare-and-set: `UPDATE … SET version = version + 1 WHERE id = … AND version = expected RETURNING version`
   * (a repository function). Returns the new version, or null when the record moved on.
   */
  bumpVersion(tx: Transaction, record: R, expectedVersion: number): Promise<number | null>;
  /** The 409 for a stale version: names when the record was saved and carries `currentVersion`. */
  stale(executor: Transaction | Database, record: R): Promise<AppError>;
  /** The transition or edit itself. */
  apply(tx: Transaction, record: R, prepared: P, newVersion: number): Promise<T>;
  /** The record's history line, where it keeps one. */
  history?(tx: Transaction, record: R, prepared: P, result: T): Promise<void>;
  audit(record: R, prepared: P, result: T): AuditEventInput;
  outbox?(record: R, prepared: P, result: T): OutboxEventInput[];
}

export type CommandOutcome<T> = { changed: true; result: T } | { changed: false };

/**
 * One write path: load in scope → policy → version check → (validate) → in one transaction the
 * versioned write, the change, its history line, its audit event and its outbox events. A stale
 * `expectedVersion` is refused before anything is validated or written, and again by the
 * compare-and-set if another writer committed in between.
 */
export async function runCommand<R extends Versioned, P, T>(
  db: Database,
  context: AuditContext,
  clock: () => Date,
  spec: CommandSpec<R, P, T>,
): Promise<CommandOutcome<T>> {
  const record = await spec.load(db);
  if (!record) throw notFound();
  await spec.authorise?.(record);
  if (spec.expectedVersion !== undefined && spec.expectedVersion !== record.version) throw await spec.stale(db, record);
  const prepared = spec.prepare ? await spec.prepare(record) : (undefined as P);
  if (prepared === null) return { changed: false };
  let stale = false;
  let result: T | undefined;
  try {
    result = await db.transaction(async (tx) => {
      const newVersion = await spec.bumpVersion(tx, record, spec.expectedVersion ?? record.version);
      if (newVersion === null) {
        stale = true;
        throw new Error('stale');
      }
      const applied = await spec.apply(tx, record, prepared, newVersion);
      await spec.history?.(tx, record, prepared, applied);
      await recordAudit(tx, context, spec.audit(record, prepared, applied), clock());
      await insertOutboxEvents(tx, spec.outbox?.(record, prepared, applied) ?? [], clock());
      return applied;
    });
  } catch (error) {
    // Rolled back; the current version is read after the transaction (PGlite has one connection).
    if (stale) throw await spec.stale(db, record);
    throw error;
  }
  return { changed: true, result: result as T };
}
