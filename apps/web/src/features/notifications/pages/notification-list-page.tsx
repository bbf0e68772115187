import { App, Badge, Button, Card, Checkbox, Empty, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { LoadMore } from '../../../components/load-more.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useNotifyError } from '../../../components/use-notify-error.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { PlainList } from '../../../components/plain-list.tsx';
import { useMarkAllRead, useMarkRead, useNotificationList } from '../api/notifications-api.ts';
import { notificationTarget } from '../components/notification-target.ts';
import { useOpenNotification } from '../components/use-open-notification.ts';

/** Every notification of the signed-in person, newest first, with mark-as-read. */
export function NotificationListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [isUnreadOnly, setUnreadOnly] = useState(false);
  const list = useNotificationList(isUnreadOnly);
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  const open = useOpenNotification();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;

  async function readAll() {
    try {
      await markAllRead.mutateAsync();
      message.success(t('notifications.allRead'));
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        testId="notifications-title"
        extra={
          <Button onClick={() => void readAll()} loading={markAllRead.isPending} data-testid="notifications-read-all">
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <Card>
        <div className="atmis-toolbar">
          <Checkbox
            checked={isUnreadOnly}
            onChange={(event) => setUnreadOnly(event.target.checked)}
            data-testid="notifications-unread-only"
          >
            {t('notifications.unreadOnly')}
          </Checkbox>
        </div>
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        {list.isLoading ? (
          <Spin />
        ) : items.length === 0 ? (
          <Empty description={t('notifications.empty')} />
        ) : (
          <PlainList
            testId="notifications-list"
            items={items}
            empty={t('notifications.empty')}
            itemKey={(notification) => notification.id}
            itemProps={(notification) => ({
              'data-testid': `notification-${notification.id}`,
              'data-read': notification.readAt ? 'true' : 'false',
              'data-kind': notification.kind,
            })}
            render={(notification) => (
              <>
                <Space align="start" size={12} style={{ flex: 1, minWidth: 0 }}>
                  <Badge
                    status={notification.readAt ? 'default' : 'processing'}
                    aria-label={notification.readAt ? undefined : t('notifications.unread')}
                  />
                  <Space orientation="vertical" size={0}>
                    {notificationTarget(notification) ? (
                      <Typography.Link
                        onClick={() => open(notification)}
                        strong={!notification.readAt}
                        data-testid={`notification-open-${notification.id}`}
                      >
                        {notification.title}
                      </Typography.Link>
                    ) : (
                      <Typography.Text strong={!notification.readAt}>{notification.title}</Typography.Text>
                    )}
                    <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{notification.body}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(notification.createdAt)}
                    </Typography.Text>
                  </Space>
                </Space>
                {!notification.readAt && (
                  <Button
                    size="small"
                    type="link"
                    onClick={() => markRead.mutate(notification.id)}
                    data-testid={`notification-read-${notification.id}`}
                  >
                    {t('notifications.markRead')}
                  </Button>
                )}
              </>
            )}
          />
        )}
        <LoadMore
          shown={items.length}
          total={total}
          hasMore={Boolean(list.hasNextPage)}
          isLoading={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
        />
      </Card>
    </>
  );
}
