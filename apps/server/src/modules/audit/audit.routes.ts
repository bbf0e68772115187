import { auditEventViewSchema, auditListQuerySchema, auditVerificationSchema, pageSchema, scopeFilterFor } from '@atmis/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { auditCheckpointsPath, readCheckpoints } from '../../platform/audit/audit-key.ts';
import { recordAudit, verifyAuditChain } from '../../platform/audit/audit-log.ts';
import { actorOf, auditContextOf } from '../../platform/auth/request-guard.ts';
import { listAuditEvents } from './audit.repository.ts';

const tags = ['audit'];

export function auditRoutes({ db, clock, config }: ModuleDependencies): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/audit-events',
      {
        config: { permission: 'read:audit' },
        schema: {
          tags,
          summary: 'Nhật ký hệ thống (ai, làm gì, khi nào, từ đâu)',
          querystring: auditListQuerySchema,
          response: { 200: pageSchema(auditEventViewSchema) },
        },
      },
      (request) => listAuditEvents(db, scopeFilterFor(actorOf(request), 'read:audit'), request.query),
    );
    app.post(
      '/audit/verify',
      {
        config: { permission: 'read:audit' },
        schema: { tags, summary: 'Kiểm tra tính toàn vẹn chuỗi nhật ký', response: { 200: auditVerificationSchema } },
      },
      async (request) => {
        // Against the signed checkpoints outside the database too, so a cut tail shows here as in audit:verify.
        const { checkpoints } = readCheckpoints(auditCheckpointsPath(config));
        const { checkpoint: _checkpoint, checkpointsChecked: _count, ...result } = await verifyAuditChain(db, { checkpoints });
        await db.transaction((tx) =>
          recordAudit(tx, auditContextOf(request), { action: 'audit.verified', entityType: 'audit', details: { ...result } }, clock()),
        );
        return result;
      },
    );
  };
}
