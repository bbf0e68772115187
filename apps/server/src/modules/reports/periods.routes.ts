import { parsePeriodId, PERIOD_ID_ERRORS, periodRouteContracts } from '@atmis/domain';
import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../../platform/errors/app-error.ts';
import { localeOf } from '../../platform/errors/problem-handler.ts';
import { registerRoutes } from '../../platform/http/register-routes.ts';

/** The handlers of the reporting-period contracts (`periodRouteContracts`): pure reference data. */
export function periodRoutes(): FastifyPluginAsync {
  return async (app) =>
    registerRoutes(app, periodRouteContracts, {
      getPeriod: async (request) => {
        const result = parsePeriodId(request.params.id, request.query.window);
        if (!result.ok) {
          throw new AppError('validation.failed', {}, [{ path: 'id', message: PERIOD_ID_ERRORS[result.reason][localeOf(request)] }]);
        }
        return result.period;
      },
    });
}
