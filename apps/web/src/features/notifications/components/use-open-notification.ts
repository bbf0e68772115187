import type { NotificationView } from '@atmis/domain';
import { useRouter } from '@tanstack/react-router';
import { useMarkRead } from '../api/notifications-api.ts';
import { notificationTarget } from './notification-target.ts';

/** Opening a notification marks it read and goes to the task or plan it is about. */
export function useOpenNotification(): (notification: NotificationView) => void {
  const router = useRouter();
  const markRead = useMarkRead();
  return (notification) => {
    if (!notification.readAt) markRead.mutate(notification.id);
    const target = notificationTarget(notification);
    if (target) router.history.push(target);
  };
}
