import { createHash } from 'node:crypto';
import { auditEvents, type Executor } from '@atmis/db';
import type { AuditAction } from '@atmis/domain';
import { asc, desc, gt, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';

export interface AuditContext {
  actorUserId: string | null;
  actorUsername: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEventInput {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  orgUnitId?: string | null;
  details?: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_CHAIN_LOCK = 138_138;

/** JSON with object keys sorted at every depth: jsonb reorders keys, the hash must not care. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

interface HashedFields {
  id: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorUsername: string | null;
  ip: string | null;
  userAgent: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  orgUnitId: string | null;
  details: unknown;
}

export function hashAuditEvent(prevHash: string, event: HashedFields): string {
  // Exactly these fields, whatever else the caller's object carries (a stored row has seq, hash…).
  const content = canonicalJson({
    id: event.id,
    occurredAt: event.occurredAt.toISOString(),
    actorUserId: event.actorUserId,
    actorUsername: event.actorUsername,
    ip: event.ip,
    userAgent: event.userAgent,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    orgUnitId: event.orgUnitId,
    details: event.details,
  });
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

/**
 * Appends one event to the chain. Must run inside the transaction of the change it records; the
 * advisory lock serialises writers so that each row links to the true previous one.
 */
export async function recordAudit(
  executor: Executor,
  context: AuditContext,
  event: AuditEventInput,
  now: Date = new Date(),
): Promise<void> {
  await executor.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await executor.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields: HashedFields = {
    id: uuidv7(),
    occurredAt: new Date(Math.floor(now.getTime())),
    actorUserId: context.actorUserId,
    actorUsername: context.actorUsername,
    ip: context.ip,
    userAgent: context.userAgent ? context.userAgent.slice(0, 300) : null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    orgUnitId: event.orgUnitId ?? null,
    details: JSON.parse(JSON.stringify(event.details ?? {})) as unknown,
  };
  await executor
    .insert(auditEvents)
    .values({ ...fields, details: fields.details as Record<string, unknown>, prevHash, hash: hashAuditEvent(prevHash, fields) });
}

export interface ChainVerification {
  isValid: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  problem: string | null;
}

/** Walks the whole chain in order, in pages, recomputing every hash. */
export async function verifyAuditChain(executor: Executor, pageSize = 2000): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await executor
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, lastSeq))
      .orderBy(asc(auditEvents.seq))
      .limit(pageSize);
    if (rows.length === 0) return { isValid: true, checked, firstBrokenSeq: null, problem: null };
    for (const row of rows) {
      if (row.prevHash !== prevHash) {
        return { isValid: false, checked, firstBrokenSeq: row.seq, problem: 'prev_hash_mismatch' };
      }
      const expected = hashAuditEvent(prevHash, { ...row, details: row.details });
      if (expected !== row.hash) return { isValid: false, checked, firstBrokenSeq: row.seq, problem: 'hash_mismatch' };
      prevHash = row.hash;
      lastSeq = row.seq;
      checked++;
    }
  }
}
