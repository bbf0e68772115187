import { BellOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { Badge, Button, Dropdown, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import { useUnreadCount } from '../api/notifications-api.ts';
import { useOpenNotification } from './use-open-notification.ts';

const ITEM_STYLE: React.CSSProperties = {
  display: 'block',
  width: '100%',
  textAlign: 'start',
  border: 0,
  background: 'transparent',
  padding: '6px 8px',
  borderRadius: 6,
  cursor: 'pointer',
  font: 'inherit',
};

/** The header bell: unread count (polled every minute) and the latest unread notifications. */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useUnreadCount();
  const open = useOpenNotification();
  const count = unread.data?.unread ?? unread.data?.total ?? 0;
  const latest = unread.data?.items ?? [];

  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      popupRender={() => (
        <div className="ant-dropdown-menu" style={{ width: 360, maxWidth: '90vw', padding: 8 }} data-testid="notification-dropdown">
          <Typography.Text strong style={{ display: 'block', padding: '4px 8px' }}>
            {t('notifications.title')}
          </Typography.Text>
          {latest.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
          ) : (
            latest.map((notification) => (
              <button
                type="button"
                key={notification.id}
                style={ITEM_STYLE}
                onClick={() => open(notification)}
                data-testid={`notification-item-${notification.id}`}
                data-kind={notification.kind}
              >
                <Typography.Text strong ellipsis style={{ display: 'block' }}>
                  {notification.title}
                </Typography.Text>
                <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                  {notification.body}
                </Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(notification.createdAt)}
                </Typography.Text>
              </button>
            ))
          )}
          <div style={{ padding: '4px 8px', textAlign: 'center' }}>
            <Link to="/notifications" data-testid="notification-view-all">
              {t('notifications.viewAll')}
            </Link>
          </div>
        </div>
      )}
    >
      <Button
        type="text"
        aria-label={t('notifications.bell', { count })}
        data-testid="notification-bell"
        data-count={count}
        data-loaded={unread.isSuccess}
      >
        <Badge count={count} size="small" overflowCount={99} data-testid="notification-badge">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Dropdown>
  );
}
