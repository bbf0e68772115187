import {
  attachmentUploadBodySchema,
  attachmentViewSchema,
  createdSchema,
  idParamsSchema,
  personCorrectionBodySchema,
  VICTIM_ATTACHMENT_MAX_BYTES,
  victimRecordRouteContracts,
} from '@atmis/domain';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { actorOf, auditContextOf } from '../../platform/auth/request-guard.ts';
import { attachmentDisposition } from '../../platform/http/content-disposition.ts';
import { registerRoutes } from '../../platform/http/register-routes.ts';
import { base64BodyLimit } from '../../platform/http/upload-limit.ts';
import { createVictimDocumentsService } from './victim-documents.service.ts';
import { createVictimExportsService } from './victim-exports.service.ts';
import { createVictimRecordsService } from './victim-records.service.ts';
import { createVictimSettingsService } from './victim-settings.service.ts';

const tags = ['victims'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendWorkbook(reply: FastifyReply, { buffer, fileName }: { buffer: Buffer; fileName: string }) {
  return reply
    .type(XLSX)
    .header('content-disposition', attachmentDisposition(fileName))
    .header('cache-control', 'private, no-store')
    .send(buffer);
}

/**
 * The handlers of the victim records contracts (`victimRecordRouteContracts`): corrections with
 * history, closing, confidentiality flags, repatriation, documents, the list exports, and the
 * administrators' deadline rules, holidays, rate and facility edits. Registered inside the victims plugin.
 */
export function victimRecordRoutes(deps: ModuleDependencies): FastifyPluginAsync {
  const services = { db: deps.db, clock: deps.clock, cipher: deps.cipher };
  const records = createVictimRecordsService(services);
  const documents = createVictimDocumentsService(services);
  const exports = createVictimExportsService(services);
  const settings = createVictimSettingsService(services);

  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    // Not yet a contract: its OpenAPI description (RouteContract has no `description`).
    app.patch(
      '/victim-persons/:id',
      {
        config: { permission: 'manage:victims', problems: ['victim.file_closed', 'victim.stale'] },
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
    // Not yet a contract: its OpenAPI description (RouteContract has no `description`).
    app.post(
      '/victim-files/:id/attachments',
      {
        bodyLimit: base64BodyLimit(VICTIM_ATTACHMENT_MAX_BYTES),
        // The coarse check (the guard, before a body of several megabytes is read) and the upload limit.
        config: {
          permission: ['manage:victims', 'manage:support'],
          uploadMaxBytes: VICTIM_ATTACHMENT_MAX_BYTES,
          problems: ['victim.attachment_invalid', 'victim.file_closed'],
        },
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

    registerRoutes(app, victimRecordRouteContracts, {
      // ── Corrections, closing, confidentiality ──────────────────────────────────────────────────
      correctVictimReception: (request) =>
        records.correctReception(actorOf(request), request.params.id, request.body, auditContextOf(request)),
      closeVictimFile: (request) => records.close(actorOf(request), request.params.id, request.body, auditContextOf(request)),
      reopenVictimFile: (request) => records.reopen(actorOf(request), request.params.id, request.body, auditContextOf(request)),
      setVictimConfidentiality: (request) =>
        records.setConfidentiality(actorOf(request), request.params.id, request.body, auditContextOf(request)),

      // ── Repatriation ───────────────────────────────────────────────────────────────────────────
      addVictimRepatriation: async (request, reply) =>
        reply.status(201).send(await records.addRepatriation(actorOf(request), request.params.id, request.body, auditContextOf(request))),
      updateVictimRepatriation: (request) =>
        records.updateRepatriation(actorOf(request), request.params.id, request.body, auditContextOf(request)),

      // ── Documents ──────────────────────────────────────────────────────────────────────────────
      downloadVictimAttachment: async (request, reply) => {
        const file = await documents.download(actorOf(request), request.params.id, auditContextOf(request));
        return reply
          .header('content-type', file.mediaType)
          .header('content-disposition', attachmentDisposition(file.fileName))
          .header('cache-control', 'no-store')
          .header('x-content-type-options', 'nosniff')
          .send(file.content);
      },

      // ── Exports ────────────────────────────────────────────────────────────────────────────────
      exportVictimFiles: async (request, reply) =>
        sendWorkbook(reply, await exports.exportDeidentified(actorOf(request), request.query, auditContextOf(request))),
      exportIdentifiedVictimFiles: async (request, reply) =>
        sendWorkbook(reply, await exports.exportIdentified(actorOf(request), request.body, auditContextOf(request))),

      // ── Deadline rules and holidays ────────────────────────────────────────────────────────────
      getVictimDeadlineSettings: (request) => settings.deadlineSettings(actorOf(request)),
      setVictimDeadlineRule: (request) => settings.setRule(actorOf(request), request.params.code, request.body, auditContextOf(request)),
      resetVictimDeadlineRule: (request) => settings.resetRule(actorOf(request), request.params.code, auditContextOf(request)),
      setVictimHoliday: (request) => settings.setHoliday(actorOf(request), request.body, auditContextOf(request)),
      removeVictimHoliday: (request) => settings.removeHoliday(actorOf(request), request.params.date, auditContextOf(request)),

      // ── Registry edits ─────────────────────────────────────────────────────────────────────────
      updateVictimSupportRate: (request) => settings.updateRate(actorOf(request), request.params.id, request.body, auditContextOf(request)),
      updateVictimFacility: (request) =>
        settings.updateFacility(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    });
  };
}
