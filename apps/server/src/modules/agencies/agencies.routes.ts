import {
  agencyHistorySchema,
  agencyListQuerySchema,
  agencyViewSchema,
  createAgencyBodySchema,
  idParamsSchema,
  mergeAgencyBodySchema,
  pageSchema,
  renameAgencyBodySchema,
  updateAgencyBodySchema,
} from '@atmis/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { actorOf, auditContextOf } from '../../platform/auth/request-guard.ts';
import { createAgenciesService } from './agencies.service.ts';

const tags = ['agencies'];

export function agencyRoutes(deps: ModuleDependencies): FastifyPluginAsync {
  const service = createAgenciesService(deps);
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/agencies',
      {
        config: { permission: 'read:agencies' },
        schema: { tags, summary: 'Danh mục cơ quan', querystring: agencyListQuerySchema, response: { 200: pageSchema(agencyViewSchema) } },
      },
      (request) => service.list(actorOf(request), request.query),
    );
    app.post(
      '/agencies',
      {
        config: { permission: 'manage:agencies' },
        schema: { tags, summary: 'Thêm cơ quan', body: createAgencyBodySchema, response: { 201: agencyViewSchema } },
      },
      async (request, reply) => reply.status(201).send(await service.create(actorOf(request), request.body, auditContextOf(request))),
    );
    app.get(
      '/agencies/:id',
      {
        config: { permission: 'read:agencies' },
        schema: { tags, summary: 'Chi tiết cơ quan', params: idParamsSchema, response: { 200: agencyViewSchema } },
      },
      (request) => service.get(actorOf(request), request.params.id),
    );
    app.patch(
      '/agencies/:id',
      {
        config: { permission: 'manage:agencies' },
        schema: {
          tags,
          summary: 'Sửa loại, cơ quan cấp trên',
          params: idParamsSchema,
          body: updateAgencyBodySchema,
          response: { 200: agencyViewSchema },
        },
      },
      (request) => service.update(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );
    app.post(
      '/agencies/:id/rename',
      {
        config: { permission: 'manage:agencies' },
        schema: {
          tags,
          summary: 'Đổi tên cơ quan (giữ lịch sử)',
          params: idParamsSchema,
          body: renameAgencyBodySchema,
          response: { 200: agencyViewSchema },
        },
      },
      (request) => service.rename(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );
    app.post(
      '/agencies/:id/merge',
      {
        config: { permission: 'manage:agencies' },
        schema: {
          tags,
          summary: 'Sáp nhập cơ quan vào cơ quan khác',
          params: idParamsSchema,
          body: mergeAgencyBodySchema,
          response: { 200: agencyViewSchema },
        },
      },
      (request) => service.merge(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );
    app.get(
      '/agencies/:id/history',
      {
        config: { permission: 'read:agencies' },
        schema: { tags, summary: 'Lịch sử tên gọi', params: idParamsSchema, response: { 200: agencyHistorySchema } },
      },
      async (request) => {
        await service.get(actorOf(request), request.params.id);
        return service.history(request.params.id);
      },
    );
  };
}
