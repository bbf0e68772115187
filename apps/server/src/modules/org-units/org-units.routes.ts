import { orgUnitRouteContracts } from '@atmis/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { registerRoutes } from '../../platform/http/register-routes.ts';
import { findOrgUnit, listOrgUnits, presentOrgUnit } from './org-units.repository.ts';

/** The handlers of the administrative-unit contracts (`orgUnitRouteContracts`). */
export function orgUnitRoutes({ db }: ModuleDependencies): FastifyPluginAsync {
  return async (app) =>
    registerRoutes(app, orgUnitRouteContracts, {
      listOrgUnits: (request) => listOrgUnits(db, request.query),
      getOrgUnit: async (request) => {
        const row = await findOrgUnit(db, request.params.id);
        if (!row) throw notFound();
        return presentOrgUnit(row);
      },
    });
}
