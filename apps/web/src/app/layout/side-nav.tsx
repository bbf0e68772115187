import { Link, useNavigate, useRouterState } from '@tanstack/react-router';
import { Menu, Tag, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/use-me.ts';
import { ADMIN_GROUP, ADMIN_NAV, MAIN_NAV, isNavItemVisible, selectedNavKey, type NavItem } from './nav-items.tsx';

type MenuItem = NonNullable<MenuProps['items']>[number];

/** The module menu: each module shows only to holders of its read permission. */
export function SideNav({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const [openKeys, setOpenKeys] = useState<string[]>([ADMIN_GROUP.key]);
  const navigate = useNavigate();
  const pathByKey = new Map([...MAIN_NAV, ...ADMIN_NAV].map((item) => [item.key, item.path]));

  const toItem = (item: NavItem): MenuItem => ({
    key: item.key,
    icon: item.icon,
    label: (
      <Link to={item.path} data-testid={`nav-${item.key}`} data-planned={item.planned || undefined} onClick={onNavigate}>
        {t(item.labelKey)}
        {item.planned && (
          <Tag color="default" title={t('nav.plannedHint')} style={{ marginInlineStart: 8 }} data-testid={`nav-${item.key}-planned`}>
            {t('nav.planned')}
          </Tag>
        )}
      </Link>
    ),
  });

  const main = MAIN_NAV.filter((item) => isNavItemVisible(item, me.permissions)).map(toItem);
  const admin = ADMIN_NAV.filter((item) => isNavItemVisible(item, me.permissions)).map(toItem);
  const items: MenuItem[] = [...main];
  if (admin.length > 0) {
    items.push({
      key: ADMIN_GROUP.key,
      icon: ADMIN_GROUP.icon,
      label: <span data-testid={`nav-${ADMIN_GROUP.key}`}>{t(ADMIN_GROUP.labelKey)}</span>,
      children: admin,
    });
  }

  return (
    <nav aria-label={t('nav.menu')} data-testid="side-nav">
      <Menu
        theme="dark"
        mode="inline"
        selectedKeys={[selectedNavKey(pathname)]}
        openKeys={openKeys}
        onOpenChange={setOpenKeys}
        items={items}
        // The whole row is clickable (also when collapsed to icons), not only the link text.
        onClick={({ key, domEvent }) => {
          const path = pathByKey.get(key);
          if (!path || (domEvent.target as HTMLElement).closest('a')) return;
          void navigate({ to: path });
          onNavigate?.();
        }}
      />
    </nav>
  );
}
