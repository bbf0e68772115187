import {
  attachPlanFilesBodySchema,
  createPlanBodySchema,
  createPlanImportBodySchema,
  idParamsSchema,
  pageSchema,
  PLAN_IMPORT_MAX_BYTES,
  planDetailSchema,
  planImportViewSchema,
  planListQuerySchema,
  planViewSchema,
  updatePlanBodySchema,
  updatePlanImportBodySchema,
} from '@atmis/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { actorOf, auditContextOf } from '../../platform/auth/request-guard.ts';
import { base64BodyLimit } from '../../platform/http/upload-limit.ts';
import { createPlanImportsService } from './plan-imports.service.ts';
import { createPlansService } from './plans.service.ts';

const tags = ['plans'];

export function planRoutes(deps: ModuleDependencies): FastifyPluginAsync {
  const plans = createPlansService(deps);
  const imports = createPlanImportsService(deps, plans);
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/plan-imports',
      {
        bodyLimit: base64BodyLimit(PLAN_IMPORT_MAX_BYTES),
        config: { permission: 'manage:plans', uploadMaxBytes: PLAN_IMPORT_MAX_BYTES },
        schema: {
          tags,
          summary: 'Nhập kế hoạch từ văn bản (.txt, .md, .docx hoặc nội dung dán)',
          body: createPlanImportBodySchema,
          response: { 201: planImportViewSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await imports.create(actorOf(request), request.body, auditContextOf(request))),
    );
    app.get(
      '/plan-imports/:id',
      {
        config: { permission: 'manage:plans' },
        schema: { tags, summary: 'Bản nhập kế hoạch đang rà soát', params: idParamsSchema, response: { 200: planImportViewSchema } },
      },
      (request) => imports.get(actorOf(request), request.params.id),
    );
    app.patch(
      '/plan-imports/:id',
      {
        config: { permission: 'manage:plans' },
        schema: {
          tags,
          summary: 'Sửa bản nhập: gắn cơ quan, chỉnh thông tin',
          params: idParamsSchema,
          body: updatePlanImportBodySchema,
          response: { 200: planImportViewSchema },
        },
      },
      (request) => imports.update(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );
    app.post(
      '/plan-imports/:id/confirm',
      {
        config: { permission: 'manage:plans' },
        schema: {
          tags,
          summary: 'Xác nhận bản nhập: tạo kế hoạch và nhiệm vụ',
          params: idParamsSchema,
          response: { 201: planDetailSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await imports.confirm(actorOf(request), request.params.id, auditContextOf(request))),
    );
    app.get(
      '/plans',
      {
        config: { permission: 'read:plans' },
        schema: {
          tags,
          summary: 'Danh sách kế hoạch trong phạm vi',
          querystring: planListQuerySchema,
          response: { 200: pageSchema(planViewSchema) },
        },
      },
      (request) => plans.list(actorOf(request), request.query),
    );
    app.post(
      '/plans',
      {
        config: { permission: 'manage:plans' },
        schema: { tags, summary: 'Tạo kế hoạch (dự thảo)', body: createPlanBodySchema, response: { 201: planDetailSchema } },
      },
      async (request, reply) => reply.status(201).send(await plans.create(actorOf(request), request.body, auditContextOf(request))),
    );
    app.get(
      '/plans/:id',
      {
        config: { permission: 'read:plans' },
        schema: {
          tags,
          summary: 'Chi tiết kế hoạch: chỉ tiêu, mục, tình hình nhiệm vụ, kế hoạch cấp dưới',
          params: idParamsSchema,
          response: { 200: planDetailSchema },
        },
      },
      (request) => plans.get(actorOf(request), request.params.id),
    );
    app.patch(
      '/plans/:id',
      {
        config: { permission: 'manage:plans' },
        schema: {
          tags,
          summary: 'Sửa thông tin kế hoạch',
          params: idParamsSchema,
          body: updatePlanBodySchema,
          response: { 200: planDetailSchema },
        },
      },
      (request) => plans.update(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );
    app.post(
      '/plans/:id/issue',
      {
        config: { permission: 'manage:plans' },
        schema: { tags, summary: 'Ban hành kế hoạch dự thảo', params: idParamsSchema, response: { 200: planDetailSchema } },
      },
      (request) => plans.issue(actorOf(request), request.params.id, auditContextOf(request)),
    );
    app.post(
      '/plans/:id/attachments',
      {
        config: { permission: 'manage:plans' },
        schema: {
          tags,
          summary: 'Đính kèm tệp đã tải lên (văn bản ký, phụ lục) vào kế hoạch',
          params: idParamsSchema,
          body: attachPlanFilesBodySchema,
          response: { 200: planDetailSchema },
        },
      },
      (request) => plans.attach(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );
  };
}
