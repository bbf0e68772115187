import type { NotificationView } from '@atmis/domain';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../../lib/api.ts';
import type { Page } from '../../../lib/contracts.ts';

const notificationsKey = ['notifications'] as const;
/** A page of notifications; the server adds the person's unread count to every page. */
export type NotificationPage = Page<NotificationView> & { unread?: number };
export const NOTIFICATION_POLL_MS = 60_000;

/** The header bell: the latest unread notifications and the unread count, polled every minute. */
export function useUnreadCount(isEnabled = true) {
  return useQuery({
    queryKey: [...notificationsKey, 'unread-count'],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/notifications', { params: { query: { limit: 5, unreadOnly: 'true' } }, signal })),
    refetchInterval: NOTIFICATION_POLL_MS,
    refetchIntervalInBackground: false,
    enabled: isEnabled,
    retry: false,
  });
}

export function useNotificationList(unreadOnly: boolean) {
  return useInfiniteQuery({
    queryKey: [...notificationsKey, 'list', unreadOnly],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/v1/notifications', {
          params: { query: { limit: 20, cursor: pageParam, unreadOnly: unreadOnly ? 'true' : undefined } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: NOTIFICATION_POLL_MS,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(client.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    // No bulk endpoint: mark the unread ones one by one (at most 100 at a time).
    mutationFn: async () => {
      const page = await unwrap(client.GET('/api/v1/notifications', { params: { query: { limit: 100, unreadOnly: 'true' } } }));
      for (const notification of page.items)
        if (!notification.readAt)
          await unwrap(client.POST('/api/v1/notifications/{id}/read', { params: { path: { id: notification.id } } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}
