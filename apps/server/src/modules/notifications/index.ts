/** The notifications module's public surface: what code outside the module may import. */
export { notificationRoutes } from './notifications.routes.ts';
export { handOverNotificationConsumers } from './hand-over-notifications.ts';
export { startDailyDigest } from './digest-scheduler.ts';
export { notifyAgency, notifyUsers, type NewNotification } from './notifications.service.ts';
