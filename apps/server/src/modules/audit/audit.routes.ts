import { auditRouteContracts, scopeFilterFor } from '@atmis/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { auditCheckpointsPath, readCheckpoints } from '../../platform/audit/audit-key.ts';
import { recordAudit, verifyAuditChain } from '../../platform/audit/audit-log.ts';
import { actorOf, auditContextOf } from '../../platform/auth/request-guard.ts';
import { registerRoutes } from '../../platform/http/register-routes.ts';
import { listAuditEvents } from './audit.repository.ts';

/** The handlers of the audit contracts (`auditRouteContracts`). */
export function auditRoutes({ db, clock, config }: ModuleDependencies): FastifyPluginAsync {
  return async (app) =>
    registerRoutes(app, auditRouteContracts, {
      listAuditEvents: (request) => listAuditEvents(db, scopeFilterFor(actorOf(request), 'read:audit'), request.query),
      verifyAudit: async (request) => {
        // Against the signed checkpoints outside the database too, so a cut tail shows here as in audit:verify.
        const { checkpoints } = readCheckpoints(auditCheckpointsPath(config));
        const { checkpoint: _checkpoint, checkpointsChecked: _count, ...result } = await verifyAuditChain(db, { checkpoints });
        await db.transaction((tx) =>
          recordAudit(tx, auditContextOf(request), { action: 'audit.verified', entityType: 'audit', details: { ...result } }, clock()),
        );
        return result;
      },
    });
}
