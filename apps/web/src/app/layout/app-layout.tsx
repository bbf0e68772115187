import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Outlet } from '@tanstack/react-router';
import { Button, Drawer, Grid, Layout, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WorkingUnitProvider } from '../auth/working-unit.tsx';
import { NotificationBell } from '../../features/notifications/index.ts';
import { useCan } from '../auth/use-me.ts';
import { AccountMenu } from './account-menu.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { OrgUnitPicker } from './org-unit-picker.tsx';
import { SideNav } from './side-nav.tsx';

const SIDER_WIDTH = 248;

function Brand({ isCollapsed }: { isCollapsed: boolean }) {
  const { t } = useTranslation();
  return (
    <div
      style={{
        height: 56,
        display: 'flex',
        alignItems: 'center',
        gap: 10,
        padding: '0 20px',
        color: '#fff',
        overflow: 'hidden',
        whiteSpace: 'nowrap',
      }}
    >
      <img src="/favicon.svg" alt="" width={28} height={28} />
      {!isCollapsed && (
        <span style={{ fontWeight: 700, fontSize: 18, letterSpacing: 0.5 }} title={t('app.fullName')}>
          {t('app.name')}
        </span>
      )}
    </div>
  );
}

/**
 * The signed-in shell. Wide screens get a collapsible sider (icons only below 992px); below 768px
 * the menu moves into a drawer opened from the header.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const isDrawerMode = screens.md === false;
  const isNarrow = screens.lg === false;
  const [isCollapsedByUser, setCollapsedByUser] = useState<boolean | null>(null);
  const [isDrawerOpen, setDrawerOpen] = useState(false);
  const isCollapsed = isCollapsedByUser ?? isNarrow;
  // Notifications are about tasks: the server serves them to holders of read:tasks.
  const hasNotifications = useCan('read:tasks');

  return (
    <WorkingUnitProvider>
      <Layout style={{ minHeight: '100vh' }}>
        {!isDrawerMode && (
          <Layout.Sider
            width={SIDER_WIDTH}
            collapsible
            collapsed={isCollapsed}
            onCollapse={(value) => setCollapsedByUser(value)}
            trigger={null}
            style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
          >
            <Brand isCollapsed={isCollapsed} />
            <SideNav />
          </Layout.Sider>
        )}
        {isDrawerMode && (
          <Drawer
            placement="left"
            open={isDrawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={SIDER_WIDTH}
            styles={{ body: { padding: 0, background: '#001529' }, header: { display: 'none' } }}
          >
            <Brand isCollapsed={false} />
            <SideNav onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        )}
        <Layout>
          <Layout.Header
            style={{
              position: 'sticky',
              top: 0,
              zIndex: 10,
              background: '#fff',
              padding: '0 16px',
              display: 'flex',
              alignItems: 'center',
              gap: 12,
              borderBottom: '1px solid #f0f0f0',
              height: 56,
              lineHeight: '56px',
            }}
          >
            <Button
              type="text"
              data-testid="menu-toggle"
              aria-label={t('header.toggleMenu')}
              icon={isDrawerMode ? <MenuOutlined /> : isCollapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => (isDrawerMode ? setDrawerOpen(true) : setCollapsedByUser(!isCollapsed))}
            />
            {screens.xxl && (
              <Typography.Text strong ellipsis style={{ flex: '0 1 auto', minWidth: 0 }}>
                {t('app.tagline')}
              </Typography.Text>
            )}
            <div style={{ flex: 1 }} />
            <Space size={4} wrap={false} style={{ lineHeight: 'normal' }}>
              <OrgUnitPicker isCompact={isNarrow} />
              <LanguageSwitch />
              {hasNotifications && <NotificationBell />}
              <AccountMenu isCompact={isDrawerMode} />
            </Space>
          </Layout.Header>
          <Layout.Content style={{ padding: isDrawerMode ? 12 : 24, minWidth: 0 }}>
            <main>
              <Outlet />
            </main>
          </Layout.Content>
          <Layout.Footer style={{ textAlign: 'center', color: '#888', padding: '12px 24px' }}>{t('app.fullName')}</Layout.Footer>
        </Layout>
      </Layout>
    </WorkingUnitProvider>
  );
}
