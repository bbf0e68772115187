import {
  acceptReportBodySchema,
  consolidateBodySchema,
  createReportScheduleBodySchema,
  createReportTemplateBodySchema,
  extendReportBodySchema,
  foldVietnamese,
  idParamsSchema,
  matrixQuerySchema,
  pageSchema,
  publishReportTemplateBodySchema,
  remindersBodySchema,
  remindersResultSchema,
  reportDetailSchema,
  reportListQuerySchema,
  reportScheduleDetailSchema,
  reportScheduleListQuerySchema,
  reportScheduleViewSchema,
  reportTemplateDetailSchema,
  reportTemplateListQuerySchema,
  reportTemplateViewSchema,
  reportViewSchema,
  returnReportBodySchema,
  saveReportBodySchema,
  scheduleProposalSchema,
  schedulePeriodParamsSchema,
  submissionMatrixSchema,
  submitReportBodySchema,
  unlockReportBodySchema,
  updateReportScheduleBodySchema,
  type ReportDetail,
} from '@atmis/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { actorOf, auditContextOf } from '../../platform/auth/request-guard.ts';
import { localeOf } from '../../platform/errors/problem-handler.ts';
import { createConsolidationService } from './consolidation.service.ts';
import { createReportExportService } from './report-export.service.ts';
import { createReportSchedulesService } from './report-schedules.service.ts';
import { createReportTemplatesService } from './report-templates.service.ts';
import { createReportsService } from './reports.service.ts';

const tags = ['reports'];

/** RFC 6266 attachment name: ASCII fallback plus the UTF-8 form ("bao-cao-Sở-Y-tế-2026Q1.docx"). */
function attachment(report: ReportDetail, extension: string): string {
  const base = `bao-cao-${report.agencyName}-${report.period.id}`.replace(/[^\p{L}\p{N}-]+/gu, '-').slice(0, 150);
  const ascii = foldVietnamese(base).replace(/[^A-Za-z0-9-]/g, '-');
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${base}.${extension}`)}`;
}

/** Periodic reports (ADR 0003): templates, schedules, report instances and their workflow, consolidation. */
export function reportRoutes(deps: ModuleDependencies): FastifyPluginAsync {
  const { mailer } = deps;
  const templates = createReportTemplatesService(deps);
  const schedules = createReportSchedulesService(deps, mailer);
  const reports = createReportsService(deps);
  const consolidation = createConsolidationService(deps, schedules, reports, mailer);
  const exports = createReportExportService(deps, reports);
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    // ── Templates ────────────────────────────────────────────────────────────────────────────────
    app.get(
      '/report-templates',
      {
        config: { permission: 'read:reports' },
        schema: {
          tags,
          summary: 'Mẫu báo cáo (mọi phiên bản) và số báo cáo dùng mỗi phiên bản',
          querystring: reportTemplateListQuerySchema,
          response: { 200: pageSchema(reportTemplateViewSchema) },
        },
      },
      (request) => templates.list(request.query),
    );
    app.get(
      '/report-templates/:id',
      {
        config: { permission: 'read:reports' },
        schema: { tags, summary: 'Mẫu báo cáo: cấu trúc mục, bảng', params: idParamsSchema, response: { 200: reportTemplateDetailSchema } },
      },
      (request) => templates.get(request.params.id),
    );
    app.post(
      '/report-templates',
      {
        config: { permission: 'manage:report_templates' },
        schema: {
          tags,
          summary: 'Tạo mẫu báo cáo mới (phiên bản 1; cấp quốc gia)',
          body: createReportTemplateBodySchema,
          response: { 201: reportTemplateDetailSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await templates.create(actorOf(request), request.body, auditContextOf(request))),
    );
    app.post(
      '/report-templates/:id/versions',
      {
        config: { permission: 'manage:report_templates' },
        schema: {
          tags,
          summary: 'Phát hành phiên bản mới của mẫu đang dùng (phiên bản cũ ngừng dùng; báo cáo đã lập giữ mẫu cũ)',
          params: idParamsSchema,
          body: publishReportTemplateBodySchema,
          response: { 201: reportTemplateDetailSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await templates.publish(actorOf(request), request.params.id, request.body, auditContextOf(request))),
    );

    // ── Schedules ────────────────────────────────────────────────────────────────────────────────
    app.get(
      '/report-schedules',
      {
        config: { permission: 'read:reports' },
        schema: {
          tags,
          summary: 'Lịch báo cáo: của địa bàn mình duyệt, hoặc cơ quan mình phải báo cáo',
          querystring: reportScheduleListQuerySchema,
          response: { 200: pageSchema(reportScheduleViewSchema) },
        },
      },
      (request) => schedules.list(actorOf(request), request.query, localeOf(request)),
    );
    app.get(
      '/report-schedules/:id',
      {
        config: { permission: 'read:reports' },
        schema: {
          tags,
          summary: 'Lịch báo cáo và các cơ quan phải báo cáo',
          params: idParamsSchema,
          response: { 200: reportScheduleDetailSchema },
        },
      },
      (request) => schedules.get(actorOf(request), request.params.id, localeOf(request)),
    );
    app.post(
      '/report-schedules',
      {
        config: { permission: 'review:reports' },
        schema: {
          tags,
          summary: 'Lập lịch báo cáo định kỳ hoặc yêu cầu báo cáo đột xuất (tạo các kỳ báo cáo đến nay)',
          body: createReportScheduleBodySchema,
          response: { 201: reportScheduleDetailSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await schedules.create(actorOf(request), request.body, auditContextOf(request), localeOf(request))),
    );
    app.patch(
      '/report-schedules/:id',
      {
        config: { permission: 'review:reports' },
        schema: {
          tags,
          summary: 'Sửa lịch báo cáo: tên, cơ quan báo cáo, kỳ cuối, hướng dẫn, tạm dừng',
          params: idParamsSchema,
          body: updateReportScheduleBodySchema,
          response: { 200: reportScheduleDetailSchema },
        },
      },
      (request) => schedules.update(actorOf(request), request.params.id, request.body, auditContextOf(request), localeOf(request)),
    );
    app.get(
      '/report-schedules/:id/matrix',
      {
        config: { permission: 'review:reports' },
        schema: {
          tags,
          summary: 'Tình hình gửi báo cáo theo cơ quan và kỳ; tỷ lệ gửi, đúng hạn; báo cáo tổng hợp',
          params: idParamsSchema,
          querystring: matrixQuerySchema,
          response: { 200: submissionMatrixSchema },
        },
      },
      (request) => consolidation.matrix(actorOf(request), request.params.id, request.query, localeOf(request)),
    );
    app.post(
      '/report-schedules/:id/periods/:periodId/consolidate',
      {
        config: { permission: 'review:reports' },
        schema: {
          tags,
          summary: 'Tổng hợp báo cáo đã chấp nhận của kỳ thành báo cáo gửi cấp trên (tạo hoặc cập nhật)',
          params: schedulePeriodParamsSchema,
          body: consolidateBodySchema,
          response: { 200: reportDetailSchema },
        },
      },
      (request) =>
        consolidation.consolidate(
          actorOf(request),
          request.params.id,
          request.params.periodId,
          request.body,
          auditContextOf(request),
          localeOf(request),
        ),
    );
    app.post(
      '/report-schedules/:id/reminders',
      {
        config: { permission: 'review:reports' },
        schema: {
          tags,
          summary: 'Nhắc các cơ quan sắp đến hạn hoặc quá hạn báo cáo (mỗi báo cáo một lần mỗi ngày)',
          params: idParamsSchema,
          body: remindersBodySchema,
          response: { 200: remindersResultSchema },
        },
      },
      (request) => consolidation.reminders(actorOf(request), request.params.id, request.body, auditContextOf(request), localeOf(request)),
    );
    app.get(
      '/plans/:id/report-schedule-proposals',
      {
        config: { permission: 'review:reports' },
        schema: {
          tags,
          summary: 'Đề xuất lịch báo cáo từ chế độ báo cáo của kế hoạch (chưa tạo gì)',
          params: idParamsSchema,
          response: { 200: z.array(scheduleProposalSchema) },
        },
      },
      (request) => schedules.proposals(actorOf(request), request.params.id),
    );

    // ── Report instances ─────────────────────────────────────────────────────────────────────────
    app.get(
      '/reports',
      {
        config: { permission: 'read:reports' },
        schema: {
          tags,
          summary: 'Báo cáo trong phạm vi: của cơ quan mình (mine), gửi đến mình (addressed) hoặc tất cả',
          querystring: reportListQuerySchema,
          response: { 200: pageSchema(reportViewSchema) },
        },
      },
      (request) => reports.list(actorOf(request), request.query),
    );
    app.get(
      '/reports/:id',
      {
        config: { permission: 'read:reports' },
        schema: {
          tags,
          summary: 'Chi tiết báo cáo: mẫu, nội dung, lỗi/cảnh báo, diễn biến, số liệu từ hồ sơ, thao tác được phép',
          params: idParamsSchema,
          response: { 200: reportDetailSchema },
        },
      },
      (request) => reports.get(actorOf(request), request.params.id, localeOf(request)),
    );
    app.put(
      '/reports/:id/content',
      {
        config: { permission: 'submit:reports' },
        schema: {
          tags,
          summary: 'Lưu nội dung báo cáo (kèm phiên bản đã tải; số liệu sai bị từ chối, không lưu gì)',
          params: idParamsSchema,
          body: saveReportBodySchema,
          response: { 200: reportDetailSchema },
        },
      },
      (request) => reports.save(actorOf(request), request.params.id, request.body, auditContextOf(request), localeOf(request)),
    );
    app.post(
      '/reports/:id/submit',
      {
        config: { permission: 'submit:reports' },
        schema: {
          tags,
          summary: 'Gửi (hoặc gửi lại) báo cáo; bị chặn khi còn lỗi hoặc cảnh báo chưa giải trình',
          params: idParamsSchema,
          body: submitReportBodySchema,
          response: { 200: reportDetailSchema },
        },
      },
      (request) => reports.submit(actorOf(request), request.params.id, request.body, auditContextOf(request), localeOf(request)),
    );
    app.post(
      '/reports/:id/return',
      {
        config: { permission: 'review:reports' },
        schema: {
          tags,
          summary: 'Trả lại báo cáo, kèm ý kiến cần bổ sung',
          params: idParamsSchema,
          body: returnReportBodySchema,
          response: { 200: reportDetailSchema },
        },
      },
      (request) =>
        reports.review(actorOf(request), request.params.id, 'return', request.body.comment, auditContextOf(request), localeOf(request)),
    );
    app.post(
      '/reports/:id/accept',
      {
        config: { permission: 'review:reports' },
        schema: {
          tags,
          summary: 'Chấp nhận báo cáo',
          params: idParamsSchema,
          body: acceptReportBodySchema,
          response: { 200: reportDetailSchema },
        },
      },
      (request) =>
        reports.review(
          actorOf(request),
          request.params.id,
          'accept',
          request.body.comment ?? null,
          auditContextOf(request),
          localeOf(request),
        ),
    );
    app.post(
      '/reports/:id/lock',
      {
        config: { permission: 'review:reports' },
        schema: { tags, summary: 'Khóa số liệu báo cáo đã chấp nhận', params: idParamsSchema, response: { 200: reportDetailSchema } },
      },
      (request) => reports.review(actorOf(request), request.params.id, 'lock', null, auditContextOf(request), localeOf(request)),
    );
    app.post(
      '/reports/:id/unlock',
      {
        config: { permission: 'review:reports' },
        schema: {
          tags,
          summary: 'Mở khóa báo cáo (kèm lý do): báo cáo trở về trạng thái bị trả lại để sửa',
          params: idParamsSchema,
          body: unlockReportBodySchema,
          response: { 200: reportDetailSchema },
        },
      },
      (request) =>
        reports.review(actorOf(request), request.params.id, 'unlock', request.body.reason, auditContextOf(request), localeOf(request)),
    );
    app.post(
      '/reports/:id/deadline',
      {
        config: { permission: 'review:reports' },
        schema: {
          tags,
          summary: 'Gia hạn báo cáo chưa gửi (kèm lý do)',
          params: idParamsSchema,
          body: extendReportBodySchema,
          response: { 200: reportDetailSchema },
        },
      },
      (request) => reports.extend(actorOf(request), request.params.id, request.body, auditContextOf(request), localeOf(request)),
    );
    app.get(
      '/reports/:id/export.docx',
      {
        config: { permission: 'read:reports' },
        schema: { tags, summary: 'Xuất báo cáo ra Word (.docx) theo thể thức Nghị định 30/2020', params: idParamsSchema },
      },
      async (request, reply) => {
        const { report, buffer } = await exports.render(actorOf(request), request.params.id, 'docx', auditContextOf(request));
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header('content-disposition', attachment(report, 'docx'))
          .header('cache-control', 'private, no-store')
          .send(buffer);
      },
    );
    app.get(
      '/reports/:id/export.xlsx',
      {
        config: { permission: 'read:reports' },
        schema: { tags, summary: 'Xuất số liệu báo cáo ra Excel (.xlsx)', params: idParamsSchema },
      },
      async (request, reply) => {
        const { report, buffer } = await exports.render(actorOf(request), request.params.id, 'xlsx', auditContextOf(request));
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', attachment(report, 'xlsx'))
          .header('cache-control', 'private, no-store')
          .send(buffer);
      },
    );
  };
}
