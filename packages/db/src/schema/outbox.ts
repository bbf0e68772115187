import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from './columns.ts';

/**
 * Outbox (hộp thư đi): events written in the same transaction as the change they describe
 * (`runCommand`), consumed after commit into notifications. `processed_at` null = still to deliver;
 * `attempts` counts deliveries that failed, so a retry sweep can give up on a poisoned event.
 */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: idColumn(),
    type: text('type').notNull(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: uuid('aggregate_id').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    processedAt: timestamp('processed_at', { withTimezone: true, mode: 'date' }),
    attempts: integer('attempts').notNull().default(0),
  },
  (table) => [
    index('outbox_events_pending_idx')
      .on(table.createdAt)
      .where(sql`processed_at is null`),
  ],
);
