import { parsePeriodId, PERIOD_ID_ERRORS, periodParamsSchema, periodQuerySchema, periodViewSchema } from '@atmis/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors/app-error.ts';
import { localeOf } from '../../platform/errors/problem-handler.ts';

const tags = ['reports'];

/** Reporting periods and their data windows (Decree 09/2019 cut-off by default): pure reference data. */
export function periodRoutes(): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/periods/:id',
      {
        config: { permission: 'read:reports' },
        schema: {
          tags,
          summary: 'Kỳ báo cáo và khoảng số liệu (mặc định theo Nghị định 09/2019/NĐ-CP)',
          params: periodParamsSchema,
          querystring: periodQuerySchema,
          response: { 200: periodViewSchema },
        },
      },
      async (request) => {
        const result = parsePeriodId(request.params.id, request.query.window);
        if (!result.ok) {
          throw new AppError('validation.failed', {}, [{ path: 'id', message: PERIOD_ID_ERRORS[result.reason][localeOf(request)] }]);
        }
        return result.period;
      },
    );
  };
}
