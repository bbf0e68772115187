import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { pingDatabase } from './health.repository.ts';

const healthSchema = z.object({
  status: z.literal('ok'),
  engine: z.enum(['pglite', 'postgres']),
  mode: z.enum(['demo', 'production']),
  version: z.string(),
  time: z.string(),
});

export function healthRoutes({ db, database, config, clock }: ModuleDependencies): FastifyPluginAsync {
  return async (app) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/health',
      {
        config: { access: 'public' },
        schema: { tags: ['system'], summary: 'Tình trạng hệ thống và loại CSDL đang dùng', response: { 200: healthSchema } },
      },
      async () => {
        await pingDatabase(db);
        return { status: 'ok' as const, engine: database.engine, mode: config.mode, version: '0.1.0', time: clock().toISOString() };
      },
    );
  };
}
