import { outboxEvents, type Executor } from '@atmis/db';

/** An event for the consumers of the outbox (notifications), written with the change it describes. */
export interface OutboxEventInput {
  type: string;
  aggregateType: string;
  aggregateId: string;
  /** Identifiers and labels only: never a victim's identity. */
  payload?: Record<string, unknown>;
}

export async function insertOutboxEvents(executor: Executor, events: readonly OutboxEventInput[], now: Date): Promise<void> {
  if (!events.length) return;
  await executor.insert(outboxEvents).values(events.map((event) => ({ ...event, payload: event.payload ?? {}, createdAt: now })));
}
