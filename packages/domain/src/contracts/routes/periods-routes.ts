import { defineRoutes } from '../route-contract.ts';
import { periodParamsSchema, periodQuerySchema, periodViewSchema } from '../reports.ts';

/** Reporting periods and their data windows (Decree 09/2019 cut-off by default): pure reference data. */
export const periodRouteContracts = defineRoutes({
  getPeriod: {
    method: 'GET',
    path: '/periods/:id',
    tags: ['reports'],
    summary: 'Kỳ báo cáo và khoảng số liệu (mặc định theo Nghị định 09/2019/NĐ-CP)',
    permission: 'read:reports',
    params: periodParamsSchema,
    query: periodQuerySchema,
    response: { 200: periodViewSchema },
  },
});
