import { outboxEvents, type Executor, type Transaction } from '@atmis/db';
import { and, asc, eq, isNull, lt, notInArray, sql } from 'drizzle-orm';

/** An event for the consumers of the outbox (notifications), written with the change it describes. */
export interface OutboxEventInput {
  type: string;
  aggregateType: string;
  aggregateId: string;
  /** Identifiers and labels only: never a victim's identity. */
  payload?: Record<string, unknown>;
}

/** An event as a consumer receives it. */
export interface OutboxEvent {
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  createdAt: Date;
  attempts: number;
}

interface PendingOptions {
  maxAttempts: number;
  skipIds: readonly string[];
}

/** Still to deliver: not processed, fewer than `maxAttempts` failures, not among `skipIds` (tried in this run). */
function pending(options: PendingOptions) {
  return and(
    isNull(outboxEvents.processedAt),
    lt(outboxEvents.attempts, options.maxAttempts),
    options.skipIds.length ? notInArray(outboxEvents.id, [...options.skipIds]) : undefined,
  );
}

export async function insertOutboxEvents(executor: Executor, events: readonly OutboxEventInput[], now: Date): Promise<void> {
  if (!events.length) return;
  await executor.insert(outboxEvents).values(events.map((event) => ({ ...event, payload: event.payload ?? {}, createdAt: now })));
}

/**
 * The oldest event still to deliver (fewer than `maxAttempts` failures, not among `skipIds`), locked
 * for this transaction. A dispatcher that finds an event locked by another (a second instance, the
 * sweep) waits for it and then passes over it once delivered: a request's answer therefore leaves only
 * after every event pending when it finished, its own included, has been delivered by someone.
 */
export async function claimNextOutboxEvent(tx: Transaction, options: PendingOptions): Promise<OutboxEvent | null> {
  const [row] = await tx
    .select({
      id: outboxEvents.id,
      type: outboxEvents.type,
      aggregateType: outboxEvents.aggregateType,
      aggregateId: outboxEvents.aggregateId,
      payload: outboxEvents.payload,
      createdAt: outboxEvents.createdAt,
      attempts: outboxEvents.attempts,
    })
    .from(outboxEvents)
    .where(pending(options))
    .orderBy(asc(outboxEvents.createdAt), asc(outboxEvents.id))
    .limit(1)
    .for('update');
  return row ?? null;
}

/**
 * Whether any event is still to deliver. A locking read that waited for another dispatcher can come
 * back empty although later events wait (PostgreSQL re-checks the locked row after LIMIT): ask again.
 */
export async function hasPendingOutboxEvents(executor: Executor, options: PendingOptions): Promise<boolean> {
  const [row] = await executor.select({ id: outboxEvents.id }).from(outboxEvents).where(pending(options)).limit(1);
  return Boolean(row);
}

export async function markOutboxEventProcessed(tx: Transaction, id: string, now: Date): Promise<void> {
  await tx.update(outboxEvents).set({ processedAt: now }).where(eq(outboxEvents.id, id));
}

/** Counts a failed delivery; answers the attempts so far. */
export async function countOutboxFailure(tx: Transaction, id: string): Promise<number> {
  const [row] = await tx
    .update(outboxEvents)
    .set({ attempts: sql`${outboxEvents.attempts} + 1` })
    .where(eq(outboxEvents.id, id))
    .returning({ attempts: outboxEvents.attempts });
  return row?.attempts ?? 0;
}
