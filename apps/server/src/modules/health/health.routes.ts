import { healthRouteContracts } from '@atmis/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { registerRoutes } from '../../platform/http/register-routes.ts';
import { pingDatabase } from './health.repository.ts';

/** The handler of the health contract (`healthRouteContracts`). */
export function healthRoutes({ db, database, config, clock }: ModuleDependencies): FastifyPluginAsync {
  return async (app) =>
    registerRoutes(app, healthRouteContracts, {
      getHealth: async () => {
        await pingDatabase(db);
        return { status: 'ok' as const, engine: database.engine, mode: config.mode, version: '0.1.0', time: clock().toISOString() };
      },
    });
}
