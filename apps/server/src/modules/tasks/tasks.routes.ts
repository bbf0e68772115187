import {
  createTaskBodySchema,
  FILE_MAX_BYTES,
  fileViewSchema,
  idParamsSchema,
  pageSchema,
  taskAcceptBodySchema,
  taskChaseBodySchema,
  taskCommentBodySchema,
  taskContributionBodySchema,
  taskDetailSchema,
  taskListQuerySchema,
  taskProgressBodySchema,
  taskSubmitBodySchema,
  taskViewSchema,
  updateTaskBodySchema,
  uploadFileBodySchema,
  scopeFilterFor,
  foldVietnamese,
} from '@atmis/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { actorOf, auditContextOf } from '../../platform/auth/request-guard.ts';
import { servedMediaType } from '../../platform/documents/upload-content.ts';
import { attachmentDisposition } from '../../platform/http/content-disposition.ts';
import { base64BodyLimit } from '../../platform/http/upload-limit.ts';
import { createFilesService } from '../../platform/files/files.service.ts';
import { createPlanExportService } from './export/plan-export.service.ts';
import { findPlanInScope } from '../plans/index.ts';
import { createTaskEditingService } from './task-editing.service.ts';
import { findTaskInScope, taskIdOfUpdate } from './tasks.repository.ts';
import { createTasksService } from './tasks.service.ts';

const tags = ['tasks'];
const planTags = ['plans'];

export function taskRoutes(deps: ModuleDependencies): FastifyPluginAsync {
  const service = createTasksService(deps);
  const { db } = deps;
  // Files attached to a progress update are readable by whoever may see its task; those of a plan, by whoever may see the plan.
  const files = createFilesService({
    ...deps,
    ownerAccess: {
      task_update: async (actor, updateId) => {
        const taskId = await taskIdOfUpdate(db, updateId);
        return Boolean(taskId && (await findTaskInScope(db, scopeFilterFor(actor, 'read:tasks'), taskId)));
      },
      plan: async (actor, planId) => Boolean(await findPlanInScope(db, scopeFilterFor(actor, 'read:plans'), planId)),
    },
  });
  const editing = createTaskEditingService(deps, service);
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/tasks',
      {
        config: { permission: 'read:tasks' },
        schema: {
          tags,
          summary: 'Nhiệm vụ trong phạm vi (lọc theo kế hoạch, cơ quan, trạng thái, quá hạn, sắp đến hạn, của tôi)',
          querystring: taskListQuerySchema,
          response: { 200: pageSchema(taskViewSchema) },
        },
      },
      (request) => service.list(actorOf(request), request.query),
    );
    app.get(
      '/tasks/:id',
      {
        config: { permission: 'read:tasks' },
        schema: {
          tags,
          summary: 'Chi tiết nhiệm vụ: diễn biến, tệp, các kỳ, thao tác được phép',
          params: idParamsSchema,
          response: { 200: taskDetailSchema },
        },
      },
      (request) => service.get(actorOf(request), request.params.id),
    );
    app.post(
      '/plans/:id/tasks',
      {
        config: { permission: 'manage:plans' },
        schema: {
          tags,
          summary: 'Thêm nhiệm vụ vào kế hoạch (mục mới được tạo khi cần)',
          params: idParamsSchema,
          body: createTaskBodySchema,
          response: { 201: taskDetailSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await editing.create(actorOf(request), request.params.id, request.body, auditContextOf(request))),
    );
    app.patch(
      '/tasks/:id',
      {
        // Every task party holds update:tasks; the policy then admits only the standing office (else 403).
        config: { permission: 'update:tasks' },
        schema: {
          tags,
          summary: 'Cơ quan thường trực sửa nhiệm vụ (nội dung, cơ quan, thời hạn, định kỳ); có ghi lý do',
          params: idParamsSchema,
          body: updateTaskBodySchema,
          response: { 200: taskDetailSchema },
        },
      },
      (request) => editing.update(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );
    app.post(
      '/tasks/:id/progress',
      {
        config: { permission: 'update:tasks' },
        schema: {
          tags,
          summary: 'Cơ quan chủ trì cập nhật tiến độ',
          params: idParamsSchema,
          body: taskProgressBodySchema,
          response: { 200: taskDetailSchema },
        },
      },
      (request) => service.progress(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );
    app.post(
      '/tasks/:id/contributions',
      {
        config: { permission: 'update:tasks' },
        schema: {
          tags,
          summary: 'Cơ quan phối hợp gửi ý kiến, kết quả phối hợp',
          params: idParamsSchema,
          body: taskContributionBodySchema,
          response: { 200: taskDetailSchema },
        },
      },
      (request) => service.contribute(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );
    app.post(
      '/tasks/:id/submit',
      {
        config: { permission: 'update:tasks' },
        schema: {
          tags,
          summary: 'Cơ quan chủ trì báo cáo hoàn thành',
          params: idParamsSchema,
          body: taskSubmitBodySchema,
          response: { 200: taskDetailSchema },
        },
      },
      (request) => service.submit(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );
    app.post(
      '/tasks/:id/accept',
      {
        config: { permission: 'chase:tasks' },
        schema: {
          tags,
          summary: 'Cơ quan thường trực nghiệm thu',
          params: idParamsSchema,
          body: taskAcceptBodySchema,
          response: { 200: taskDetailSchema },
        },
      },
      (request) => service.accept(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );
    app.post(
      '/tasks/:id/return',
      {
        config: { permission: 'chase:tasks' },
        schema: {
          tags,
          summary: 'Cơ quan thường trực trả lại, yêu cầu bổ sung',
          params: idParamsSchema,
          body: taskCommentBodySchema,
          response: { 200: taskDetailSchema },
        },
      },
      (request) => service.giveBack(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );
    app.post(
      '/tasks/:id/cancel',
      {
        config: { permission: 'chase:tasks' },
        schema: {
          tags,
          summary: 'Cơ quan thường trực hủy nhiệm vụ',
          params: idParamsSchema,
          body: taskCommentBodySchema,
          response: { 200: taskDetailSchema },
        },
      },
      (request) => service.cancel(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );
    app.post(
      '/tasks/:id/chase',
      {
        config: { permission: 'chase:tasks' },
        schema: {
          tags,
          summary: 'Đôn đốc cơ quan chủ trì',
          params: idParamsSchema,
          body: taskChaseBodySchema,
          response: { 200: taskDetailSchema },
        },
      },
      (request) => service.chase(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );
    app.post(
      '/files',
      {
        bodyLimit: base64BodyLimit(FILE_MAX_BYTES),
        config: { permission: 'update:tasks', uploadMaxBytes: FILE_MAX_BYTES },
        schema: {
          tags,
          summary: 'Tải lên tệp minh chứng (base64, tối đa 10 MB; PDF, JPG, PNG, DOCX, XLSX hoặc TXT, kiểm tra theo nội dung)',
          description:
            'Loại tệp xác định theo nội dung (magic bytes), không theo tên hay `mime` gửi lên. ' +
            '415 file.unsupported_type với loại khác (HTML, SVG, JavaScript, tệp chạy…); 400 file.invalid khi tệp rỗng ' +
            'hoặc phần mở rộng không khớp nội dung. Tải xuống luôn là Content-Disposition: attachment.',
          body: uploadFileBodySchema,
          response: { 201: fileViewSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await files.upload(actorOf(request), request.body, auditContextOf(request))),
    );
    app.get(
      '/files/:id',
      {
        config: { permission: 'read:tasks' },
        schema: { tags, summary: 'Tải xuống tệp (theo quyền xem bản ghi chứa tệp)', params: idParamsSchema },
      },
      async (request, reply) => {
        const file = await files.download(actorOf(request), request.params.id);
        return (
          reply
            // Always a download (never rendered in the app's origin), with its detected type (opaque bytes
            // for anything stored before uploads were checked by content), never sniffed.
            .header('content-type', servedMediaType(file.mime))
            .header('content-disposition', attachmentDisposition(file.fileName))
            .header('x-content-type-options', 'nosniff')
            .header('cache-control', 'private, no-store')
            .send(file.content)
        );
      },
    );
    // The plan's exports list its tasks, so they are served here (tasks depend on plans, not the reverse).
    const exports = createPlanExportService(deps);
    /** RFC 6266 attachment name: ASCII fallback plus the UTF-8 form. */
    const attachment = (plan: { number: string | null; symbol: string | null }, kind: string, extension: string) => {
      const base = `${kind}${plan.number ? `-${plan.number}` : ''}${plan.symbol ? `-${plan.symbol}` : ''}`.replace(
        /[^\p{L}\p{N}-]+/gu,
        '-',
      );
      const ascii = foldVietnamese(base).replace(/[^A-Za-z0-9-]/g, '-');
      return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${base}.${extension}`)}`;
    };
    app.get(
      '/plans/:id/export.docx',
      {
        config: { permission: 'read:plans' },
        schema: { tags: planTags, summary: 'Xuất kế hoạch ra Word (.docx) theo thể thức Nghị định 30/2020', params: idParamsSchema },
      },
      async (request, reply) => {
        const { plan, buffer } = await exports.planDocx(actorOf(request), request.params.id);
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header('content-disposition', attachment(plan, 'ke-hoach', 'docx'))
          .send(buffer);
      },
    );
    app.get(
      '/plans/:id/tasks.xlsx',
      {
        config: { permission: 'read:plans' },
        schema: { tags: planTags, summary: 'Xuất bảng tình hình thực hiện nhiệm vụ (.xlsx)', params: idParamsSchema },
      },
      async (request, reply) => {
        const { plan, buffer } = await exports.taskStatusXlsx(actorOf(request), request.params.id);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', attachment(plan, 'tien-do-nhiem-vu', 'xlsx'))
          .send(buffer);
      },
    );
  };
}
