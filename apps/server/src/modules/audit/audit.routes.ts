import { auditEvents } from '@atmis/db';
import { auditEventViewSchema, auditListQuerySchema, auditVerificationSchema, pageSchema, scopeFilterFor } from '@atmis/domain';
import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { scopeCondition } from '../../platform/access/scope-sql.ts';
import { auditCheckpointsPath, readCheckpoints } from '../../platform/audit/audit-key.ts';
import { recordAudit, verifyAuditChain } from '../../platform/audit/audit-log.ts';
import { actorOf, auditContextOf } from '../../platform/auth/request-guard.ts';
import { decodeCursor, encodeCursor, toIso } from '../../platform/http/pagination.ts';
import { searchCondition } from '../../platform/http/search.ts';

const tags = ['audit'];

export function auditRoutes({ db, clock, config }: ModuleDependencies): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/audit-events',
      {
        config: { permission: 'read:audit' },
        schema: {
          tags,
          summary: 'Nhật ký hệ thống (ai, làm gì, khi nào, từ đâu)',
          querystring: auditListQuerySchema,
          response: { 200: pageSchema(auditEventViewSchema) },
        },
      },
      async (request) => {
        const { limit, cursor, action, entityType, actor: actorName, q } = request.query;
        const filter = scopeFilterFor(actorOf(request), 'read:audit');
        // Events without a unit (e.g. failed sign-ins of unknown names) are for national auditors only.
        const conditions: SQL[] = [
          filter.kind === 'all' ? sql`true` : scopeCondition(filter, { orgUnitId: sql`coalesce(${auditEvents.orgUnitId}, '')` }),
        ];
        if (action) conditions.push(eq(auditEvents.action, action));
        if (entityType) conditions.push(eq(auditEvents.entityType, entityType));
        for (const search of [
          searchCondition(sql`vn_fold(coalesce(${auditEvents.actorUsername}, ''))`, actorName),
          searchCondition(
            sql`vn_fold(${auditEvents.action} || ' ' || coalesce(${auditEvents.actorUsername}, '') || ' ' || coalesce(${auditEvents.entityId}, ''))`,
            q,
          ),
        ]) {
          if (search) conditions.push(search);
        }
        const where = and(...conditions);
        const after = decodeCursor(cursor, 1) as [number] | null;
        const rows = await db
          .select()
          .from(auditEvents)
          .where(after ? and(where, lt(auditEvents.seq, Number(after[0]))) : where)
          .orderBy(desc(auditEvents.seq))
          .limit(limit + 1);
        const [count] = await db
          .select({ total: sql<number>`count(*)::int` })
          .from(auditEvents)
          .where(where);
        const items = rows.slice(0, limit).map((row) => ({
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
        }));
        return {
          items,
          total: count?.total ?? 0,
          nextCursor: rows.length > limit && items.length ? encodeCursor([items.at(-1)!.seq]) : null,
        };
      },
    );
    app.post(
      '/audit/verify',
      {
        config: { permission: 'read:audit' },
        schema: { tags, summary: 'Kiểm tra tính toàn vẹn chuỗi nhật ký', response: { 200: auditVerificationSchema } },
      },
      async (request) => {
        // Against the signed checkpoints outside the database too, so a cut tail shows here as in audit:verify.
        const { checkpoints } = readCheckpoints(auditCheckpointsPath(config));
        const { checkpoint: _checkpoint, checkpointsChecked: _count, ...result } = await verifyAuditChain(db, { checkpoints });
        await db.transaction((tx) =>
          recordAudit(tx, auditContextOf(request), { action: 'audit.verified', entityType: 'audit', details: { ...result } }, clock()),
        );
        return result;
      },
    );
  };
}
