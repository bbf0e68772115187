import { z } from 'zod';
import { idParamsSchema, pageSchema } from '../common.ts';
import { digestRunBodySchema, digestRunResultSchema, notificationListQuerySchema, notificationViewSchema } from '../plans.ts';
import { defineRoutes } from '../route-contract.ts';

/** A page of one's notifications, with the count of those still unread. */
export const notificationPageSchema = pageSchema(notificationViewSchema).extend({ unread: z.number().int() });

/** One's own notifications (read:tasks), and the daily digest run over the plans one manages. */
export const notificationRouteContracts = defineRoutes({
  listNotifications: {
    method: 'GET',
    path: '/notifications',
    tags: ['notifications'],
    summary: 'Thông báo của tôi (chưa đọc trước)',
    permission: 'read:tasks',
    query: notificationListQuerySchema,
    response: { 200: notificationPageSchema },
  },
  markNotificationRead: {
    method: 'POST',
    path: '/notifications/:id/read',
    tags: ['notifications'],
    summary: 'Đánh dấu đã đọc',
    permission: 'read:tasks',
    params: idParamsSchema,
    response: { 200: notificationViewSchema },
  },
  runDigest: {
    method: 'POST',
    path: '/notifications/digest/run',
    tags: ['notifications'],
    summary: 'Gửi nhắc việc hằng ngày (quá hạn, sắp đến hạn) trong phạm vi',
    permission: 'manage:plans',
    body: digestRunBodySchema.optional(),
    response: { 200: digestRunResultSchema },
  },
});
