import { foldVietnamese, scopeFilterFor, taskRouteContracts } from '@atmis/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { actorOf, auditContextOf } from '../../platform/auth/request-guard.ts';
import { servedMediaType } from '../../platform/documents/upload-content.ts';
import { attachmentDisposition } from '../../platform/http/content-disposition.ts';
import { registerRoutes } from '../../platform/http/register-routes.ts';
import { createFilesService } from '../../platform/files/files.service.ts';
import { createPlanExportService } from './export/plan-export.service.ts';
import { findPlanInScope } from '../plans/index.ts';
import { createTaskEditingService } from './task-editing.service.ts';
import { findTaskInScope, taskIdOfUpdate } from './tasks.repository.ts';
import { createTasksService } from './tasks.service.ts';

/** RFC 6266 attachment name of a plan export: ASCII fallback plus the UTF-8 form. */
function planAttachment(plan: { number: string | null; symbol: string | null }, kind: string, extension: string) {
  const base = `${kind}${plan.number ? `-${plan.number}` : ''}${plan.symbol ? `-${plan.symbol}` : ''}`.replace(/[^\p{L}\p{N}-]+/gu, '-');
  const ascii = foldVietnamese(base).replace(/[^A-Za-z0-9-]/g, '-');
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${base}.${extension}`)}`;
}

/** The handlers of the task contracts (`taskRouteContracts`): tasks, their evidence files and the plan exports. */
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
  // The plan's exports list its tasks, so they are served here (tasks depend on plans, not the reverse).
  const exports = createPlanExportService(deps);
  return async (app) => {
    registerRoutes(app, taskRouteContracts, {
      uploadFile: async (request, reply) =>
        reply.status(201).send(await files.upload(actorOf(request), request.body, auditContextOf(request))),
      listTasks: (request) => service.list(actorOf(request), request.query),
      getTask: (request) => service.get(actorOf(request), request.params.id),
      createTask: async (request, reply) =>
        reply.status(201).send(await editing.create(actorOf(request), request.params.id, request.body, auditContextOf(request))),
      updateTask: (request) => editing.update(actorOf(request), request.params.id, request.body, auditContextOf(request)),
      reportTaskProgress: (request) => service.progress(actorOf(request), request.params.id, request.body, auditContextOf(request)),
      contributeToTask: (request) => service.contribute(actorOf(request), request.params.id, request.body, auditContextOf(request)),
      submitTask: (request) => service.submit(actorOf(request), request.params.id, request.body, auditContextOf(request)),
      acceptTask: (request) => service.accept(actorOf(request), request.params.id, request.body, auditContextOf(request)),
      returnTask: (request) => service.giveBack(actorOf(request), request.params.id, request.body, auditContextOf(request)),
      cancelTask: (request) => service.cancel(actorOf(request), request.params.id, request.body, auditContextOf(request)),
      chaseTask: (request) => service.chase(actorOf(request), request.params.id, request.body, auditContextOf(request)),
      downloadFile: async (request, reply) => {
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
      exportPlanDocx: async (request, reply) => {
        const { plan, buffer } = await exports.planDocx(actorOf(request), request.params.id);
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header('content-disposition', planAttachment(plan, 'ke-hoach', 'docx'))
          .send(buffer);
      },
      exportTaskStatusXlsx: async (request, reply) => {
        const { plan, buffer } = await exports.taskStatusXlsx(actorOf(request), request.params.id);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', planAttachment(plan, 'tien-do-nhiem-vu', 'xlsx'))
          .send(buffer);
      },
    });
  };
}
