import { DownOutlined, KeyOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { App, Avatar, Button, Dropdown, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { logout } from '../../features/auth/index.ts';
import { useMe } from '../auth/use-me.ts';

export function AccountMenu({ isCompact = false }: { isCompact?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  async function signOut() {
    try {
      await logout();
    } catch {
      // the session may already be gone; leave anyway
    }
    // Leave the signed-in layout first: it reads the person, which clearing the cache removes.
    await navigate({ to: '/login' });
    queryClient.clear();
    message.success(t('auth.loggedOut'));
  }

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'password', icon: <KeyOutlined />, label: <span data-testid="account-change-password">{t('auth.changePassword')}</span> },
          {
            key: 'second-factor',
            icon: <SafetyOutlined />,
            label: <span data-testid="account-second-factor">{t('auth.secondFactorSetup')}</span>,
          },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, danger: true, label: <span data-testid="account-logout">{t('auth.logout')}</span> },
        ],
        onClick: ({ key }) => {
          if (key === 'password') void navigate({ to: '/account/password' });
          else if (key === 'second-factor') void navigate({ to: '/account/second-factor' });
          else if (key === 'logout') void signOut();
        },
      }}
    >
      <Button type="text" data-testid="account-menu" aria-label={t('auth.account')} style={{ height: 'auto', paddingBlock: 4 }}>
        <Space size={8}>
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#b91c1c' }} />
          {!isCompact && (
            <span style={{ display: 'inline-flex', flexDirection: 'column', alignItems: 'flex-start', lineHeight: 1.2 }}>
              <Typography.Text strong data-testid="current-user-name">
                {me.user.fullName}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {me.user.username}
              </Typography.Text>
            </span>
          )}
          <DownOutlined style={{ fontSize: 10 }} />
        </Space>
      </Button>
    </Dropdown>
  );
}
