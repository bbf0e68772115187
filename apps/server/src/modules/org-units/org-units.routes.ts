import { orgUnitIdSchema, orgUnitListQuerySchema, orgUnitViewSchema, pageSchema, type OrgUnitView } from '@atmis/domain';
import { orgUnits } from '@atmis/db';
import { and, asc, eq, gt, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { searchCondition } from '../../platform/http/search.ts';

const tags = ['org-units'];

function present(row: typeof orgUnits.$inferSelect): OrgUnitView {
  const { searchKey: _searchKey, successorId: _successorId, ...view } = row;
  return view;
}

/** Administrative units are public reference data for every signed-in user (read:org_units). */
export function orgUnitRoutes({ db }: ModuleDependencies): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/org-units',
      {
        config: { permission: 'read:org_units' },
        schema: {
          tags,
          summary: 'Tra cứu đơn vị hành chính (tìm không dấu)',
          querystring: orgUnitListQuerySchema,
          response: { 200: pageSchema(orgUnitViewSchema) },
        },
      },
      async (request) => {
        const { limit, cursor, q, parentId, level, era } = request.query;
        const conditions: SQL[] = [];
        const search = searchCondition(orgUnits.searchKey, q);
        if (search) conditions.push(search);
        if (parentId) conditions.push(eq(orgUnits.parentId, parentId));
        if (level) conditions.push(eq(orgUnits.level, level));
        if (era === 'current') conditions.push(sql`(${orgUnits.validTo} is null)`);
        if (era === 'pre2025') conditions.push(isNotNull(orgUnits.validTo));
        const where = conditions.length ? and(...conditions) : undefined;
        const after = decodeCursor(cursor, 1) as [string] | null;
        const rows = await db
          .select()
          .from(orgUnits)
          .where(after ? and(where, gt(orgUnits.id, after[0])) : where)
          .orderBy(asc(orgUnits.id))
          .limit(limit + 1);
        const [count] = await db
          .select({ total: sql<number>`count(*)::int` })
          .from(orgUnits)
          .where(where);
        const items = rows.slice(0, limit).map(present);
        return {
          items,
          total: count?.total ?? 0,
          nextCursor: rows.length > limit && items.length ? encodeCursor([items.at(-1)!.id]) : null,
        };
      },
    );
    app.get(
      '/org-units/:id',
      {
        config: { permission: 'read:org_units' },
        schema: {
          tags,
          summary: 'Chi tiết đơn vị hành chính',
          params: z.strictObject({ id: orgUnitIdSchema }),
          response: { 200: orgUnitViewSchema },
        },
      },
      async (request) => {
        const [row] = await db.select().from(orgUnits).where(eq(orgUnits.id, request.params.id));
        if (!row) throw notFound();
        return present(row);
      },
    );
  };
}
