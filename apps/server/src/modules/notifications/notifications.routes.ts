import {
  digestRunBodySchema,
  digestRunResultSchema,
  idParamsSchema,
  notificationListQuerySchema,
  notificationViewSchema,
  pageSchema,
} from '@atmis/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { actorOf, auditContextOf } from '../../platform/auth/request-guard.ts';
import { createNotificationsService } from './notifications.service.ts';

const tags = ['notifications'];

export function notificationRoutes(deps: ModuleDependencies): FastifyPluginAsync {
  const service = createNotificationsService(deps);
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/notifications',
      {
        config: { permission: 'read:tasks' },
        schema: {
          tags,
          summary: 'Thông báo của tôi (chưa đọc trước)',
          querystring: notificationListQuerySchema,
          response: { 200: pageSchema(notificationViewSchema).extend({ unread: z.number().int() }) },
        },
      },
      (request) => service.list(actorOf(request), request.query),
    );
    app.post(
      '/notifications/:id/read',
      {
        config: { permission: 'read:tasks' },
        schema: { tags, summary: 'Đánh dấu đã đọc', params: idParamsSchema, response: { 200: notificationViewSchema } },
      },
      (request) => service.markRead(actorOf(request), request.params.id, auditContextOf(request)),
    );
    app.post(
      '/notifications/digest/run',
      {
        config: { permission: 'manage:plans' },
        schema: {
          tags,
          summary: 'Gửi nhắc việc hằng ngày (quá hạn, sắp đến hạn) trong phạm vi',
          body: digestRunBodySchema.optional(),
          response: { 200: digestRunResultSchema },
        },
      },
      (request) => service.runDigest(actorOf(request), request.body?.date, auditContextOf(request)),
    );
  };
}
