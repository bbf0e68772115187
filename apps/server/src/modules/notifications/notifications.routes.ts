import { notificationRouteContracts } from '@atmis/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { actorOf, auditContextOf } from '../../platform/auth/request-guard.ts';
import { registerRoutes } from '../../platform/http/register-routes.ts';
import { createNotificationsService } from './notifications.service.ts';

/** The handlers of the notification contracts (`notificationRouteContracts`). */
export function notificationRoutes(deps: ModuleDependencies): FastifyPluginAsync {
  const service = createNotificationsService(deps);
  return async (app) =>
    registerRoutes(app, notificationRouteContracts, {
      listNotifications: (request) => service.list(actorOf(request), request.query),
      markNotificationRead: (request) => service.markRead(actorOf(request), request.params.id, auditContextOf(request)),
      runDigest: (request) => service.runDigest(actorOf(request), request.body?.date, auditContextOf(request)),
    });
}
