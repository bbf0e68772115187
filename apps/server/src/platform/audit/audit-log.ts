import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { auditEvents, type Executor } from '@atmis/db';
import type { AuditAction } from '@atmis/domain';
import { asc, desc, gt, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { loadConfig } from '../../config.ts';
import { auditKeyLocation, checkpointSignatureIsValid, loadAuditKey, type AuditCheckpoint, type AuditKey } from './audit-key.ts';

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

function hashedContent(event: HashedFields): string {
  // Exactly these fields, whatever else the caller's object carries (a stored row has seq, hash…).
  return canonicalJson({
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
}

/** The legacy, unkeyed scheme (rows written before the audit key): anyone can recompute it. */
export function hashAuditEvent(prevHash: string, event: HashedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(hashedContent(event)).digest('hex');
}

/** Keyed hashes are stored as `h1:<keyId>:<hex HMAC-SHA256>`; a 64-hex hash is the legacy scheme. */
export const KEYED_HASH_PREFIX = 'h1:';

export function keyedHashAuditEvent(key: AuditKey, prevHash: string, event: HashedFields): string {
  const mac = createHmac('sha256', key.key)
    .update('atmis-audit-v1\n')
    .update(prevHash)
    .update('\n')
    .update(hashedContent(event))
    .digest('hex');
  return `${KEYED_HASH_PREFIX}${key.id}:${mac}`;
}

function keyIdOf(hash: string): string | null {
  if (!hash.startsWith(KEYED_HASH_PREFIX)) return null;
  const end = hash.indexOf(':', KEYED_HASH_PREFIX.length);
  return end < 0 ? '' : hash.slice(KEYED_HASH_PREFIX.length, end);
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

let configuredKey: AuditKey | undefined;

/** Set by the server at start (main.ts); otherwise loaded on first use from the deployment's key location. */
export function configureAuditKey(key: AuditKey | undefined): void {
  configuredKey = key;
}

export function currentAuditKey(): AuditKey {
  configuredKey ??= loadAuditKey(auditKeyLocation(loadConfig()));
  return configuredKey;
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
  const hash = keyedHashAuditEvent(currentAuditKey(), prevHash, fields);
  await executor.insert(auditEvents).values({ ...fields, details: fields.details as Record<string, unknown>, prevHash, hash });
}

/** The chain's last event, for a checkpoint. */
export async function lastAuditEvent(executor: Executor): Promise<{ seq: number; hash: string } | null> {
  const [last] = await executor
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return last ?? null;
}

export type ChainProblem =
  | 'prev_hash_mismatch'
  | 'hash_mismatch'
  | 'unknown_audit_key'
  | 'unkeyed_after_keyed'
  | 'checkpoint_signature_invalid'
  | 'checkpoint_missing_event'
  | 'checkpoint_hash_mismatch';

export interface ChainVerification {
  isValid: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  problem: ChainProblem | null;
  /** The checkpoint the chain no longer matches (its seq, hash and time), when that is the problem. */
  checkpoint?: AuditCheckpoint;
  /** How many signed checkpoints were checked against the chain. */
  checkpointsChecked?: number;
}

export interface VerifyOptions {
  pageSize?: number;
  /** The audit key; defaults to the deployment's. */
  key?: AuditKey;
  /** Signed checkpoints (audit-checkpoints.jsonl) the chain must still contain. */
  checkpoints?: readonly AuditCheckpoint[];
}

/**
 * Walks the whole chain in order, in pages, recomputing every hash: legacy SHA-256 rows may only come
 * before the first keyed row; keyed rows need the audit key. Then every signed checkpoint must name an
 * event still in the chain with the same hash — a deleted tail or a rewritten chain does not.
 */
export async function verifyAuditChain(executor: Executor, options: VerifyOptions = {}): Promise<ChainVerification> {
  const pageSize = options.pageSize ?? 2000;
  const key = options.key ?? currentAuditKey();
  const checkpoints = [...(options.checkpoints ?? [])].sort((a, b) => a.seq - b.seq);
  for (const checkpoint of checkpoints) {
    if (!checkpointSignatureIsValid(key, checkpoint)) {
      return { isValid: false, checked: 0, firstBrokenSeq: checkpoint.seq, problem: 'checkpoint_signature_invalid', checkpoint };
    }
  }
  // Once a checkpoint has seen a keyed hash, every event from there on must be keyed (no downgrade).
  const keyedFrom = checkpoints.find((checkpoint) => keyIdOf(checkpoint.hash) !== null)?.seq ?? Number.POSITIVE_INFINITY;
  const bySeq = new Map(checkpoints.map((checkpoint) => [checkpoint.seq, checkpoint]));
  let prevHash = GENESIS_HASH;
  let seenKeyed = false;
  const matched = new Set<number>();
  let lastSeq = 0;
  let checked = 0;
  const broken = (seq: number, problem: ChainProblem, checkpoint?: AuditCheckpoint): ChainVerification => ({
    isValid: false,
    checked,
    firstBrokenSeq: seq,
    problem,
    ...(checkpoint ? { checkpoint } : {}),
  });
  for (;;) {
    const rows = await executor
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, lastSeq))
      .orderBy(asc(auditEvents.seq))
      .limit(pageSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.prevHash !== prevHash) return broken(row.seq, 'prev_hash_mismatch');
      const keyId = keyIdOf(row.hash);
      if (keyId === null) {
        if (seenKeyed || row.seq >= keyedFrom) return broken(row.seq, 'unkeyed_after_keyed');
        if (hashAuditEvent(prevHash, { ...row, details: row.details }) !== row.hash) return broken(row.seq, 'hash_mismatch');
      } else {
        if (keyId !== key.id) return broken(row.seq, 'unknown_audit_key');
        if (!sameText(keyedHashAuditEvent(key, prevHash, { ...row, details: row.details }), row.hash)) {
          return broken(row.seq, 'hash_mismatch');
        }
        seenKeyed = true;
      }
      const checkpoint = bySeq.get(row.seq);
      if (checkpoint && checkpoint.hash !== row.hash) return broken(row.seq, 'checkpoint_hash_mismatch', checkpoint);
      if (checkpoint) matched.add(row.seq);
      prevHash = row.hash;
      lastSeq = row.seq;
      checked++;
    }
  }
  // A checkpoint whose event is no longer in the chain (beyond its end, or removed): the tail was cut.
  for (const checkpoint of checkpoints) {
    if (!matched.has(checkpoint.seq)) return broken(checkpoint.seq, 'checkpoint_missing_event', checkpoint);
  }
  return { isValid: true, checked, firstBrokenSeq: null, problem: null, checkpointsChecked: checkpoints.length };
}
