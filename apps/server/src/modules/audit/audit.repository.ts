import { auditEvents, type Executor } from '@atmis/db';
import type { AuditEventView, ScopeFilter } from '@atmis/domain';
import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import { scopeCondition } from '../../platform/access/scope-sql.ts';
import { decodeCursor, encodeCursor, toIso } from '../../platform/http/pagination.ts';
import { searchCondition } from '../../platform/http/search.ts';

function present(row: typeof auditEvents.$inferSelect): AuditEventView {
  return {
    seq: row.seq,
    id: row.id,
    occurredAt: toIso(row.occurredAt) as string,
    actorUserId: row.actorUserId,
    actorUsername: row.actorUsername,
    ip: row.ip,
    userAgent: row.userAgent,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    orgUnitId: row.orgUnitId,
    details: (row.details ?? {}) as Record<string, unknown>,
  };
}

/** The audit trail newest first, within the reader's scope. */
export async function listAuditEvents(
  executor: Executor,
  filter: ScopeFilter,
  query: {
    limit: number;
    cursor?: string | undefined;
    action?: string | undefined;
    entityType?: string | undefined;
    actor?: string | undefined;
    q?: string | undefined;
  },
): Promise<{ items: AuditEventView[]; total: number; nextCursor: string | null }> {
  // Events without a unit (e.g. failed sign-ins of unknown names) are for national auditors only.
  const conditions: SQL[] = [
    filter.kind === 'all' ? sql`true` : scopeCondition(filter, { orgUnitId: sql`coalesce(${auditEvents.orgUnitId}, '')` }),
  ];
  if (query.action) conditions.push(eq(auditEvents.action, query.action));
  if (query.entityType) conditions.push(eq(auditEvents.entityType, query.entityType));
  for (const search of [
    searchCondition(sql`vn_fold(coalesce(${auditEvents.actorUsername}, ''))`, query.actor),
    searchCondition(
      sql`vn_fold(${auditEvents.action} || ' ' || coalesce(${auditEvents.actorUsername}, '') || ' ' || coalesce(${auditEvents.entityId}, ''))`,
      query.q,
    ),
  ]) {
    if (search) conditions.push(search);
  }
  const where = and(...conditions);
  const after = decodeCursor(query.cursor, 1) as [number] | null;
  const rows = await executor
    .select()
    .from(auditEvents)
    .where(after ? and(where, lt(auditEvents.seq, Number(after[0]))) : where)
    .orderBy(desc(auditEvents.seq))
    .limit(query.limit + 1);
  const total = await executor.$count(auditEvents, where);
  const items = rows.slice(0, query.limit).map(present);
  return {
    items,
    total,
    nextCursor: rows.length > query.limit && items.length ? encodeCursor([items.at(-1)!.seq]) : null,
  };
}
