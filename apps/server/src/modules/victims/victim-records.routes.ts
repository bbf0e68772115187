import {
  attachmentUploadBodySchema,
  attachmentViewSchema,
  closeFileBodySchema,
  confidentialityBodySchema,
  createdSchema,
  deadlineRuleCodeParamsSchema,
  deadlineRuleUpdateBodySchema,
  deadlineSettingsViewSchema,
  facilityUpdateBodySchema,
  facilityViewSchema,
  holidayBodySchema,
  holidayParamsSchema,
  identifiedExportBodySchema,
  idParamsSchema,
  personCorrectionBodySchema,
  receptionCorrectionBodySchema,
  reopenFileBodySchema,
  repatriationBodySchema,
  repatriationUpdateBodySchema,
  repatriationViewSchema,
  supportRateUpdateBodySchema,
  supportRateViewSchema,
  VICTIM_ATTACHMENT_MAX_BYTES,
  victimExportQuerySchema,
} from '@atmis/domain';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { actorOf, auditContextOf } from '../../platform/auth/request-guard.ts';
import { attachmentDisposition } from '../../platform/http/content-disposition.ts';
import { base64BodyLimit } from '../../platform/http/upload-limit.ts';
import { createVictimDocumentsService } from './victim-documents.service.ts';
import { createVictimExportsService } from './victim-exports.service.ts';
import { createVictimRecordsService } from './victim-records.service.ts';
import { createVictimSettingsService } from './victim-settings.service.ts';

const tags = ['victims'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EITHER_NOTE = ' (quyền manage:victims hoặc manage:support trên hồ sơ)';
const READ_NOTE = ' (quyền read:victims hoặc read:support)';

function sendWorkbook(reply: FastifyReply, { buffer, fileName }: { buffer: Buffer; fileName: string }) {
  return reply
    .type(XLSX)
    .header('content-disposition', attachmentDisposition(fileName))
    .header('cache-control', 'private, no-store')
    .send(buffer);
}

/**
 * The records that complete a victim file (issue 5): corrections with history, closing, confidentiality
 * flags, repatriation, documents, the list exports, and the administrators' deadline rules, holidays,
 * rate and facility edits. Registered inside the victims plugin.
 */
export function victimRecordRoutes(deps: ModuleDependencies): FastifyPluginAsync {
  const services = { db: deps.db, clock: deps.clock, cipher: deps.cipher };
  const records = createVictimRecordsService(services);
  const documents = createVictimDocumentsService(services);
  const exports = createVictimExportsService(services);
  const settings = createVictimSettingsService(services);

  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    // ── Corrections, closing, confidentiality ──────────────────────────────────────────────────
    app.patch(
      '/victim-persons/:id',
      {
        config: { permission: 'manage:victims' },
        schema: {
          tags,
          summary: 'Đính chính nhân thân (giữ lịch sử giá trị cũ, có lý do; gửi kèm version của hồ sơ)',
          description: '409 victim.stale (kèm currentVersion) khi hồ sơ đã thay đổi sau khi tải; 409 victim.file_closed khi hồ sơ đã đóng.',
          params: idParamsSchema,
          body: personCorrectionBodySchema,
          response: { 200: createdSchema },
        },
      },
      (request) => records.correctPerson(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );
    app.patch(
      '/victim-files/:id/reception',
      {
        config: { permission: 'manage:victims' },
        schema: {
          tags,
          summary: 'Đính chính thông tin tiếp nhận (giữ lịch sử; trường không gửi giữ nguyên, null để xóa)',
          params: idParamsSchema,
          body: receptionCorrectionBodySchema,
          response: { 200: createdSchema },
        },
      },
      (request) => records.correctReception(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );
    app.post(
      '/victim-files/:id/close',
      {
        config: { permission: 'manage:victims' },
        schema: {
          tags,
          summary: 'Đóng hồ sơ (không còn chuyển tuyến đang thực hiện, không còn người ở cơ sở trợ giúp)',
          params: idParamsSchema,
          body: closeFileBodySchema,
          response: { 200: createdSchema },
        },
      },
      (request) => records.close(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );
    app.post(
      '/victim-files/:id/reopen',
      {
        config: { permission: 'manage:victims' },
        schema: {
          tags,
          summary: 'Mở lại hồ sơ đã đóng (có lý do)',
          params: idParamsSchema,
          body: reopenFileBodySchema,
          response: { 200: createdSchema },
        },
      },
      (request) => records.reopen(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );
    app.put(
      '/victim-files/:id/confidentiality',
      {
        config: { permission: 'manage:victims' },
        schema: {
          tags,
          summary: 'Chỉ dẫn bảo mật của hồ sơ (thay thế toàn bộ; mọi người xem hồ sơ, kể cả qua chuyển tuyến, đều thấy)',
          params: idParamsSchema,
          body: confidentialityBodySchema,
          response: { 200: createdSchema },
        },
      },
      (request) => records.setConfidentiality(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );

    // ── Repatriation ───────────────────────────────────────────────────────────────────────────
    app.post(
      '/victim-files/:id/repatriations',
      {
        config: { permission: ['manage:victims', 'manage:support'] },
        schema: {
          tags,
          summary: `Hồi hương nạn nhân là người nước ngoài${EITHER_NOTE}`,
          params: idParamsSchema,
          body: repatriationBodySchema,
          response: { 201: repatriationViewSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await records.addRepatriation(actorOf(request), request.params.id, request.body, auditContextOf(request))),
    );
    app.patch(
      '/victim-repatriations/:id',
      {
        config: { permission: ['manage:victims', 'manage:support'] },
        schema: {
          tags,
          summary: `Cập nhật việc hồi hương (liên hệ cơ quan đại diện, bàn giao, hủy)${EITHER_NOTE}`,
          params: idParamsSchema,
          body: repatriationUpdateBodySchema,
          response: { 200: repatriationViewSchema },
        },
      },
      (request) => records.updateRepatriation(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );

    // ── Documents ──────────────────────────────────────────────────────────────────────────────
    app.post(
      '/victim-files/:id/attachments',
      {
        bodyLimit: base64BodyLimit(VICTIM_ATTACHMENT_MAX_BYTES),
        // The coarse check (the guard, before a body of several megabytes is read) and the upload limit.
        config: { permission: ['manage:victims', 'manage:support'], uploadMaxBytes: VICTIM_ATTACHMENT_MAX_BYTES },
        schema: {
          tags,
          summary: 'Thêm tài liệu vào hồ sơ (PDF, JPG, PNG, DOCX, XLSX; tối đa 5 MB; kiểm tra theo nội dung; được mã hóa)',
          description:
            'manage:victims trên hồ sơ (mọi loại), hoặc người ghi nhận hỗ trợ cho người đó (loại support_document). ' +
            '400 victim.attachment_invalid khi tệp rỗng, quá lớn, sai loại hoặc phần mở rộng không khớp nội dung.',
          params: idParamsSchema,
          body: attachmentUploadBodySchema,
          response: { 201: attachmentViewSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await documents.upload(actorOf(request), request.params.id, request.body, auditContextOf(request))),
    );
    app.get(
      '/victim-attachments/:id',
      {
        config: { permission: ['read:victims', 'read:support'] },
        schema: { tags, summary: `Tải tài liệu của hồ sơ (ghi nhật ký mỗi lần tải)${READ_NOTE}`, params: idParamsSchema },
      },
      async (request, reply) => {
        const file = await documents.download(actorOf(request), request.params.id, auditContextOf(request));
        return reply
          .header('content-type', file.mediaType)
          .header('content-disposition', attachmentDisposition(file.fileName))
          .header('cache-control', 'no-store')
          .header('x-content-type-options', 'nosniff')
          .send(file.content);
      },
    );

    // ── Exports ────────────────────────────────────────────────────────────────────────────────
    app.get(
      '/victim-files/export.xlsx',
      {
        config: { permission: ['read:victims', 'read:support'] },
        schema: {
          tags,
          summary: `Xuất danh sách hồ sơ ra Excel, đã khử thông tin nhận dạng (cùng phạm vi và bộ lọc với danh sách; ghi nhật ký)${READ_NOTE}`,
          querystring: victimExportQuerySchema,
        },
      },
      async (request, reply) =>
        sendWorkbook(reply, await exports.exportDeidentified(actorOf(request), request.query, auditContextOf(request))),
    );
    app.post(
      '/victim-files/export-identified',
      {
        config: { permission: 'export:victim_identity' },
        schema: {
          tags,
          summary: 'Xuất danh sách có thông tin nhận dạng (MẬT; chỉ hồ sơ được xem nhân thân trực tiếp; có lý do, ghi nhật ký)',
          body: identifiedExportBodySchema,
        },
      },
      async (request, reply) =>
        sendWorkbook(reply, await exports.exportIdentified(actorOf(request), request.body, auditContextOf(request))),
    );

    // ── Deadline rules and holidays ────────────────────────────────────────────────────────────
    app.get(
      '/victim-deadline-rules',
      {
        config: { permission: ['read:victims', 'read:support'] },
        schema: { tags, summary: `Thời hạn pháp lý và ngày nghỉ bổ sung${READ_NOTE}`, response: { 200: deadlineSettingsViewSchema } },
      },
      (request) => settings.deadlineSettings(actorOf(request)),
    );
    app.put(
      '/victim-deadline-rules/:code',
      {
        config: { permission: 'manage:victims' },
        schema: {
          tags,
          summary: 'Điều chỉnh một thời hạn (quyền manage:victims cấp quốc gia; bắt buộc ghi căn cứ pháp lý)',
          params: deadlineRuleCodeParamsSchema,
          body: deadlineRuleUpdateBodySchema,
          response: { 200: deadlineSettingsViewSchema },
        },
      },
      (request) => settings.setRule(actorOf(request), request.params.code, request.body, auditContextOf(request)),
    );
    app.delete(
      '/victim-deadline-rules/:code',
      {
        config: { permission: 'manage:victims' },
        schema: {
          tags,
          summary: 'Trả một thời hạn về mặc định của hệ thống (quyền manage:victims cấp quốc gia)',
          params: deadlineRuleCodeParamsSchema,
          response: { 200: deadlineSettingsViewSchema },
        },
      },
      (request) => settings.resetRule(actorOf(request), request.params.code, auditContextOf(request)),
    );
    app.post(
      '/victim-holidays',
      {
        config: { permission: 'manage:victims' },
        schema: {
          tags,
          summary: 'Thêm hoặc sửa một ngày nghỉ bổ sung (Tết, Giỗ Tổ, nghỉ bù; quyền manage:victims cấp quốc gia)',
          body: holidayBodySchema,
          response: { 200: deadlineSettingsViewSchema },
        },
      },
      (request) => settings.setHoliday(actorOf(request), request.body, auditContextOf(request)),
    );
    app.delete(
      '/victim-holidays/:date',
      {
        config: { permission: 'manage:victims' },
        schema: {
          tags,
          summary: 'Bỏ một ngày nghỉ bổ sung (quyền manage:victims cấp quốc gia)',
          params: holidayParamsSchema,
          response: { 200: deadlineSettingsViewSchema },
        },
      },
      (request) => settings.removeHoliday(actorOf(request), request.params.date, auditContextOf(request)),
    );

    // ── Registry edits ─────────────────────────────────────────────────────────────────────────
    app.patch(
      '/victim-support-rates/:id',
      {
        config: { permission: 'manage:support' },
        schema: {
          tags,
          summary: 'Kết thúc hiệu lực hoặc bổ sung căn cứ của một định mức (không sửa số tiền, không xóa)',
          params: idParamsSchema,
          body: supportRateUpdateBodySchema,
          response: { 200: supportRateViewSchema },
        },
      },
      (request) => settings.updateRate(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );
    app.patch(
      '/victim-facilities/:id',
      {
        config: { permission: 'manage:support' },
        schema: {
          tags,
          summary: 'Sửa tên, số chỗ, tình trạng hoạt động của cơ sở trợ giúp (không dưới số người đang ở)',
          params: idParamsSchema,
          body: facilityUpdateBodySchema,
          response: { 200: facilityViewSchema },
        },
      },
      (request) => settings.updateFacility(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );
  };
}
