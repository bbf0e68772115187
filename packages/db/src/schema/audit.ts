import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained audit trail. Each row's hash covers its content and the previous row's
 * hash, so an edited or removed row breaks the chain. A trigger (migration 0002) refuses UPDATE and
 * DELETE; verification walks the chain in `seq` order.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    id: uuid('id').notNull().unique(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorUsername: text('actor_username'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    orgUnitId: text('org_unit_id'),
    details: jsonb('details').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [
    index('audit_events_entity_idx').on(table.entityType, table.entityId),
    index('audit_events_actor_idx').on(table.actorUserId),
    index('audit_events_occurred_idx').on(table.occurredAt),
  ],
);
