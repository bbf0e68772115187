import { foldVietnamese, reportRouteContracts, type ReportDetail } from '@atmis/domain';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { actorOf, auditContextOf } from '../../platform/auth/request-guard.ts';
import { localeOf } from '../../platform/errors/problem-handler.ts';
import { registerRoutes, type ContractRequest } from '../../platform/http/register-routes.ts';
import { createConsolidationService } from './consolidation.service.ts';
import { createReportExportService } from './report-export.service.ts';
import { createReportSchedulesService } from './report-schedules.service.ts';
import { createReportTemplatesService } from './report-templates.service.ts';
import { createReportsService } from './reports.service.ts';

/** RFC 6266 attachment name: ASCII fallback plus the UTF-8 form ("bao-cao-Sở-Y-tế-2026Q1.docx"). */
function attachment(report: ReportDetail, extension: string): string {
  const base = `bao-cao-${report.agencyName}-${report.period.id}`.replace(/[^\p{L}\p{N}-]+/gu, '-').slice(0, 150);
  const ascii = foldVietnamese(base).replace(/[^A-Za-z0-9-]/g, '-');
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${base}.${extension}`)}`;
}

const MEDIA_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The handlers of the periodic-report contracts (`reportRouteContracts`, ADR 0003). */
export function reportRoutes(deps: ModuleDependencies): FastifyPluginAsync {
  const { mailer } = deps;
  const templates = createReportTemplatesService(deps);
  const schedules = createReportSchedulesService(deps, mailer);
  const reports = createReportsService(deps);
  const consolidation = createConsolidationService(deps, schedules, reports, mailer);
  const exports = createReportExportService(deps, reports);

  /** A report rendered as a file: sent as an attachment, never cached. */
  async function sendExport(
    request: ContractRequest<typeof reportRouteContracts.exportReportDocx>,
    reply: FastifyReply,
    format: keyof typeof MEDIA_TYPES,
  ) {
    const { report, buffer } = await exports.render(actorOf(request), request.params.id, format, auditContextOf(request));
    return reply
      .type(MEDIA_TYPES[format])
      .header('content-disposition', attachment(report, format))
      .header('cache-control', 'private, no-store')
      .send(buffer);
  }

  return async (app) =>
    registerRoutes(app, reportRouteContracts, {
      // ── Templates ──────────────────────────────────────────────────────────────────────────────
      listReportTemplates: (request) => templates.list(request.query),
      getReportTemplate: (request) => templates.get(request.params.id),
      createReportTemplate: async (request, reply) =>
        reply.status(201).send(await templates.create(actorOf(request), request.body, auditContextOf(request))),
      publishReportTemplateVersion: async (request, reply) =>
        reply.status(201).send(await templates.publish(actorOf(request), request.params.id, request.body, auditContextOf(request))),

      // ── Schedules ──────────────────────────────────────────────────────────────────────────────
      listReportSchedules: (request) => schedules.list(actorOf(request), request.query, localeOf(request)),
      getReportSchedule: (request) => schedules.get(actorOf(request), request.params.id, localeOf(request)),
      createReportSchedule: async (request, reply) =>
        reply.status(201).send(await schedules.create(actorOf(request), request.body, auditContextOf(request), localeOf(request))),
      updateReportSchedule: (request) =>
        schedules.update(actorOf(request), request.params.id, request.body, auditContextOf(request), localeOf(request)),
      getSubmissionMatrix: (request) => consolidation.matrix(actorOf(request), request.params.id, request.query, localeOf(request)),
      consolidateReports: (request) =>
        consolidation.consolidate(
          actorOf(request),
          request.params.id,
          request.params.periodId,
          request.body,
          auditContextOf(request),
          localeOf(request),
        ),
      sendReportReminders: (request) =>
        consolidation.reminders(actorOf(request), request.params.id, request.body, auditContextOf(request), localeOf(request)),
      listReportScheduleProposals: (request) => schedules.proposals(actorOf(request), request.params.id),

      // ── Report instances ───────────────────────────────────────────────────────────────────────
      listReports: (request) => reports.list(actorOf(request), request.query),
      getReport: (request) => reports.get(actorOf(request), request.params.id, localeOf(request)),
      saveReportContent: (request) =>
        reports.save(actorOf(request), request.params.id, request.body, auditContextOf(request), localeOf(request)),
      submitReport: (request) =>
        reports.submit(actorOf(request), request.params.id, request.body, auditContextOf(request), localeOf(request)),
      returnReport: (request) =>
        reports.review(actorOf(request), request.params.id, 'return', request.body.comment, auditContextOf(request), localeOf(request)),
      acceptReport: (request) =>
        reports.review(
          actorOf(request),
          request.params.id,
          'accept',
          request.body.comment ?? null,
          auditContextOf(request),
          localeOf(request),
        ),
      lockReport: (request) =>
        reports.review(actorOf(request), request.params.id, 'lock', null, auditContextOf(request), localeOf(request)),
      unlockReport: (request) =>
        reports.review(actorOf(request), request.params.id, 'unlock', request.body.reason, auditContextOf(request), localeOf(request)),
      extendReportDeadline: (request) =>
        reports.extend(actorOf(request), request.params.id, request.body, auditContextOf(request), localeOf(request)),
      exportReportDocx: (request, reply) => sendExport(request, reply, 'docx'),
      exportReportXlsx: (request, reply) => sendExport(request, reply, 'xlsx'),
    });
}
