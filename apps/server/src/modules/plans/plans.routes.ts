import { planRouteContracts } from '@atmis/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { actorOf, auditContextOf } from '../../platform/auth/request-guard.ts';
import { registerRoutes } from '../../platform/http/register-routes.ts';
import { createPlanImportsService } from './plan-imports.service.ts';
import { createPlansService } from './plans.service.ts';

/** The handlers of the plan contracts (`planRouteContracts`). */
export function planRoutes(deps: ModuleDependencies): FastifyPluginAsync {
  const plans = createPlansService(deps);
  const imports = createPlanImportsService(deps, plans);
  return async (app) =>
    registerRoutes(app, planRouteContracts, {
      createPlanImport: async (request, reply) =>
        reply.status(201).send(await imports.create(actorOf(request), request.body, auditContextOf(request))),
      getPlanImport: (request) => imports.get(actorOf(request), request.params.id),
      updatePlanImport: (request) => imports.update(actorOf(request), request.params.id, request.body, auditContextOf(request)),
      confirmPlanImport: async (request, reply) =>
        reply.status(201).send(await imports.confirm(actorOf(request), request.params.id, auditContextOf(request))),
      listPlans: (request) => plans.list(actorOf(request), request.query),
      createPlan: async (request, reply) =>
        reply.status(201).send(await plans.create(actorOf(request), request.body, auditContextOf(request))),
      getPlan: (request) => plans.get(actorOf(request), request.params.id),
      updatePlan: (request) => plans.update(actorOf(request), request.params.id, request.body, auditContextOf(request)),
      issuePlan: (request) => plans.issue(actorOf(request), request.params.id, auditContextOf(request)),
      attachPlanFiles: (request) => plans.attach(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    });
}
