import type { Database, Transaction } from '@atmis/db';
import {
  claimNextOutboxEvent,
  countOutboxFailure,
  hasPendingOutboxEvents,
  markOutboxEventProcessed,
  type OutboxEvent,
} from './outbox.repository.ts';

/** What a consumer leaves to do once its writes are committed (e-mail): never inside the transaction. */
export interface OutboxDelivery {
  afterCommit?: () => Promise<unknown>;
}

/**
 * A consumer of one event type: writes what the event means (in-app notifications) with `tx`, the
 * transaction that also marks the event processed. Throwing rolls its writes back; the event is retried.
 */
export type OutboxConsumer = (tx: Transaction, event: OutboxEvent) => Promise<OutboxDelivery | void>;

/** Consumers by event type, as a module offers them. */
export type OutboxConsumerSet = Readonly<Record<string, OutboxConsumer>>;

/** The consumers of one app, built when the app is built (no process-wide registry). */
export interface OutboxConsumerRegistry {
  consumersOf(type: string): readonly OutboxConsumer[];
  types(): string[];
}

export function createOutboxConsumerRegistry(sets: readonly OutboxConsumerSet[]): OutboxConsumerRegistry {
  const byType = new Map<string, OutboxConsumer[]>();
  for (const set of sets) {
    for (const [type, consumer] of Object.entries(set)) byType.set(type, [...(byType.get(type) ?? []), consumer]);
  }
  return { consumersOf: (type) => byType.get(type) ?? [], types: () => [...byType.keys()].sort() };
}

export interface DispatchResult {
  delivered: number;
  failed: number;
  /** Events that reached `maxAttempts` in this run: left undelivered and logged. */
  abandoned: number;
}

export const OUTBOX_BATCH_SIZE = 100;
export const OUTBOX_MAX_ATTEMPTS = 5;

export interface OutboxDispatcher {
  /** Delivers pending events, oldest first, at most `batchSize`; each event is tried once per run. */
  dispatchPending(): Promise<DispatchResult>;
}

/**
 * Hands each pending event to the consumers of its type; the consumers' writes and the event's
 * `processed_at` commit together. A failure rolls the consumers back (a savepoint), counts an attempt
 * and leaves the event for the next run; after `maxAttempts` failures the event is given up, logged.
 * An event no consumer wants is marked processed.
 */
export function createOutboxDispatcher(deps: {
  db: Database;
  consumers: OutboxConsumerRegistry;
  clock: () => Date;
  log?: (message: string) => void;
  batchSize?: number;
  maxAttempts?: number;
}): OutboxDispatcher {
  const { db, consumers, clock } = deps;
  const log = deps.log ?? ((message: string) => console.error(`ATMIS: ${message}`));
  const batchSize = deps.batchSize ?? OUTBOX_BATCH_SIZE;
  const maxAttempts = deps.maxAttempts ?? OUTBOX_MAX_ATTEMPTS;

  async function dispatchPending(): Promise<DispatchResult> {
    const result: DispatchResult = { delivered: 0, failed: 0, abandoned: 0 };
    const tried: string[] = [];
    let rounds = 0;
    while (tried.length < batchSize && rounds++ < batchSize * 2) {
      const followUps: NonNullable<OutboxDelivery['afterCommit']>[] = [];
      const outcome = await db.transaction(async (tx) => {
        const event = await claimNextOutboxEvent(tx, { maxAttempts, skipIds: tried });
        if (!event) return (await hasPendingOutboxEvents(tx, { maxAttempts, skipIds: tried })) ? ('again' as const) : null;
        tried.push(event.id);
        try {
          await tx.transaction(async (inner) => {
            for (const consume of consumers.consumersOf(event.type)) {
              const delivery = await consume(inner, event);
              if (delivery?.afterCommit) followUps.push(delivery.afterCommit);
            }
          });
          await markOutboxEventProcessed(tx, event.id, clock());
          return { event, ok: true as const };
        } catch (error) {
          followUps.length = 0;
          return { event, ok: false as const, error, attempts: await countOutboxFailure(tx, event.id) };
        }
      });
      if (!outcome) break;
      if (outcome === 'again') continue;
      if (outcome.ok) {
        result.delivered++;
        for (const followUp of followUps) {
          try {
            await followUp();
          } catch (error) {
            log(`sự kiện ${outcome.event.type} ${outcome.event.id}: việc sau khi ghi lỗi: ${messageOf(error)}`);
          }
        }
        continue;
      }
      result.failed++;
      if (outcome.attempts >= maxAttempts) {
        result.abandoned++;
        log(
          `bỏ qua sự kiện ${outcome.event.type} ${outcome.event.id} sau ${outcome.attempts} lần xử lý lỗi (lần cuối: ${messageOf(outcome.error)})`,
        );
      } else {
        log(`sự kiện ${outcome.event.type} ${outcome.event.id} lỗi lần ${outcome.attempts}, sẽ thử lại: ${messageOf(outcome.error)}`);
      }
    }
    return result;
  }

  return { dispatchPending };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'lỗi không rõ';
}

/**
 * The periodic sweep for events a request did not deliver (a failure, a crash between commit and
 * dispatch, a job outside HTTP): every `intervalMs`, never two runs at once.
 */
export function startOutboxSweep(dispatcher: OutboxDispatcher, options: { intervalMs?: number; log: (message: string) => void }) {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = dispatcher
      .dispatchPending()
      .catch((error: unknown) => options.log(`quét hộp thư đi lỗi: ${messageOf(error)}`))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.intervalMs ?? 30_000);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
