import { PERMISSION_LABELS, PERMISSIONS, roleRouteContracts } from '@atmis/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { actorOf, auditContextOf } from '../../platform/auth/request-guard.ts';
import { localeOf } from '../../platform/errors/problem-handler.ts';
import { registerRoutes } from '../../platform/http/register-routes.ts';
import { createRolesService } from './roles.service.ts';

/** The handlers of the roles contracts (`roleRouteContracts`). */
export function roleRoutes(deps: ModuleDependencies): FastifyPluginAsync {
  const service = createRolesService(deps);
  return async (app) =>
    registerRoutes(app, roleRouteContracts, {
      listPermissions: () => PERMISSIONS.map((permission) => ({ permission, label: PERMISSION_LABELS[permission] })),
      listRoles: () => service.list(),
      getRole: (request) => service.get(request.params.id),
      createRole: async (request, reply) =>
        reply.status(201).send(await service.create(actorOf(request), request.body, localeOf(request), auditContextOf(request))),
      updateRole: (request) =>
        service.update(actorOf(request), request.params.id, request.body, localeOf(request), auditContextOf(request)),
    });
}
