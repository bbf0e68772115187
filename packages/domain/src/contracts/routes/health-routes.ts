import { z } from 'zod';
import { defineRoutes } from '../route-contract.ts';

/** The system's state: up, which database engine, which mode, which version. */
export const healthStatusSchema = z.object({
  status: z.literal('ok'),
  engine: z.enum(['pglite', 'postgres']),
  mode: z.enum(['demo', 'production']),
  version: z.string(),
  time: z.string(),
});

/** The health probe: public, and registered outside the /api/v1 prefix, so its path is the full one. */
export const healthRouteContracts = defineRoutes({
  getHealth: {
    method: 'GET',
    path: '/api/health',
    tags: ['system'],
    summary: 'Tình trạng hệ thống và loại CSDL đang dùng',
    access: 'public',
    response: { 200: healthStatusSchema },
  },
});
