import type { NotificationView } from '@atmis/domain';

/** Where a notification leads in the app: its own link when it is an in-app path, else its entity. */
export function notificationTarget(notification: Pick<NotificationView, 'link' | 'entityType' | 'entityId'>): string | null {
  const link = notification.link;
  if (link) {
    const path = link.replace(/^https?:\/\/[^/]+/i, '');
    if (path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/api/')) return path;
  }
  if (notification.entityId && notification.entityType === 'task') return `/tasks/${notification.entityId}`;
  if (notification.entityId && notification.entityType === 'plan') return `/plans/${notification.entityId}`;
  return null;
}
