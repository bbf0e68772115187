import { agencyRouteContracts } from '@atmis/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { actorOf, auditContextOf } from '../../platform/auth/request-guard.ts';
import { registerRoutes } from '../../platform/http/register-routes.ts';
import { createAgenciesService } from './agencies.service.ts';

/** The handlers of the agency contracts (`agencyRouteContracts`). */
export function agencyRoutes(deps: ModuleDependencies): FastifyPluginAsync {
  const service = createAgenciesService(deps);
  return async (app) =>
    registerRoutes(app, agencyRouteContracts, {
      listAgencies: (request) => service.list(actorOf(request), request.query),
      createAgency: async (request, reply) =>
        reply.status(201).send(await service.create(actorOf(request), request.body, auditContextOf(request))),
      getAgency: (request) => service.get(actorOf(request), request.params.id),
      updateAgency: (request) => service.update(actorOf(request), request.params.id, request.body, auditContextOf(request)),
      renameAgency: (request) => service.rename(actorOf(request), request.params.id, request.body, auditContextOf(request)),
      mergeAgency: (request) => service.merge(actorOf(request), request.params.id, request.body, auditContextOf(request)),
      getAgencyHistory: async (request) => {
        await service.get(actorOf(request), request.params.id);
        return service.history(request.params.id);
      },
    });
}
