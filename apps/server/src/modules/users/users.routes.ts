import { userRouteContracts } from '@atmis/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { actorOf, auditContextOf } from '../../platform/auth/request-guard.ts';
import { localeOf } from '../../platform/errors/problem-handler.ts';
import { registerRoutes } from '../../platform/http/register-routes.ts';
import { createUsersService } from './users.service.ts';

/** The handlers of the user contracts (`userRouteContracts`). */
export function userRoutes(deps: ModuleDependencies): FastifyPluginAsync {
  const service = createUsersService(deps);
  return async (app) =>
    registerRoutes(app, userRouteContracts, {
      listUsers: (request) => service.list(actorOf(request), request.query),
      createUser: async (request, reply) => {
        const user = await service.create(actorOf(request), request.body, localeOf(request), auditContextOf(request));
        return reply.status(201).send(user);
      },
      getUser: (request) => service.get(actorOf(request), request.params.id),
      updateUser: (request) => service.update(actorOf(request), request.params.id, request.body, auditContextOf(request)),
      resetUserPassword: async (request) => {
        await service.resetPassword(
          actorOf(request),
          request.params.id,
          request.body.newPassword,
          localeOf(request),
          auditContextOf(request),
        );
        return { ok: true as const };
      },
      grantAssignment: async (request, reply) => {
        const user = await service.grantAssignment(
          actorOf(request),
          request.params.id,
          request.body,
          localeOf(request),
          auditContextOf(request),
        );
        return reply.status(201).send(user);
      },
      revokeAssignment: (request) =>
        service.revokeAssignment(
          actorOf(request),
          request.params.id,
          request.params.assignmentId,
          localeOf(request),
          auditContextOf(request),
        ),
    });
}
