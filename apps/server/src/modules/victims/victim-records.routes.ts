import { victimRecordRouteContracts } from '@atmis/domain';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { actorOf, auditContextOf } from '../../platform/auth/request-guard.ts';
import { attachmentDisposition } from '../../platform/http/content-disposition.ts';
import { registerRoutes } from '../../platform/http/register-routes.ts';
import { createVictimDocumentsService } from './victim-documents.service.ts';
import { createVictimExportsService } from './victim-exports.service.ts';
import { createVictimRecordsService } from './victim-records.service.ts';
import { createVictimSettingsService } from './victim-settings.service.ts';

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

  return async (app) => {
    registerRoutes(app, victimRecordRouteContracts, {
      correctVictimPerson: (request) => records.correctPerson(actorOf(request), request.params.id, request.body, auditContextOf(request)),
      uploadVictimAttachment: async (request, reply) =>
        reply.status(201).send(await documents.upload(actorOf(request), request.params.id, request.body, auditContextOf(request))),
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
