import { orgUnitIdSchema, orgUnitListQuerySchema, orgUnitViewSchema, pageSchema } from '@atmis/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { findOrgUnit, listOrgUnits, presentOrgUnit } from './org-units.repository.ts';

const tags = ['org-units'];

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
      (request) => listOrgUnits(db, request.query),
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
        const row = await findOrgUnit(db, request.params.id);
        if (!row) throw notFound();
        return presentOrgUnit(row);
      },
    );
  };
}
