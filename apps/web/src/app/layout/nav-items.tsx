import {
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  DashboardOutlined,
  FileTextOutlined,
  HeartOutlined,
  ProjectOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ApartmentOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  CarryOutOutlined,
} from '@ant-design/icons';
import type { Permission } from '@atmis/domain';
import type { ReactNode } from 'react';

export interface NavItem {
  /** Stable key: the menu key and the `data-testid="nav-<key>"`. */
  key: string;
  path: string;
  labelKey: string;
  icon: ReactNode;
  /** The module's read permission; absent for the dashboard, which everyone signed in may see. */
  permission?: Permission;
  /** A module not built yet: its page says so, and the menu and the home page mark it "Sắp có". */
  planned?: true;
}

export const MAIN_NAV: NavItem[] = [
  { key: 'dashboard', path: '/', labelKey: 'nav.dashboard', icon: <DashboardOutlined /> },
  { key: 'plans', path: '/plans', labelKey: 'nav.plans', icon: <ProjectOutlined />, permission: 'read:plans' },
  { key: 'tasks', path: '/tasks', labelKey: 'nav.tasks', icon: <CarryOutOutlined />, permission: 'read:tasks' },
  { key: 'reports', path: '/reports', labelKey: 'nav.reports', icon: <FileTextOutlined />, permission: 'read:reports' },
  {
    key: 'indicators',
    path: '/indicators',
    labelKey: 'nav.indicators',
    icon: <BarChartOutlined />,
    permission: 'read:indicators',
    planned: true,
  },
  { key: 'tipoffs', path: '/tipoffs', labelKey: 'nav.tipoffs', icon: <AlertOutlined />, permission: 'read:tipoffs', planned: true },
  { key: 'cases', path: '/cases', labelKey: 'nav.cases', icon: <FileSearchOutlined />, permission: 'read:cases', planned: true },
  { key: 'victims', path: '/victims', labelKey: 'nav.victims', icon: <UserOutlined />, permission: 'read:victims' },
  { key: 'support', path: '/support', labelKey: 'nav.support', icon: <HeartOutlined />, permission: 'read:support' },
  {
    key: 'prevention',
    path: '/prevention',
    labelKey: 'nav.prevention',
    icon: <SolutionOutlined />,
    permission: 'read:prevention',
    planned: true,
  },
];

export const ADMIN_NAV: NavItem[] = [
  { key: 'users', path: '/admin/users', labelKey: 'nav.users', icon: <TeamOutlined />, permission: 'read:users' },
  { key: 'roles', path: '/admin/roles', labelKey: 'nav.roles', icon: <SafetyCertificateOutlined />, permission: 'read:roles' },
  { key: 'agencies', path: '/admin/agencies', labelKey: 'nav.agencies', icon: <BankOutlined />, permission: 'read:agencies' },
  { key: 'org-units', path: '/admin/org-units', labelKey: 'nav.orgUnits', icon: <EnvironmentOutlined />, permission: 'read:org_units' },
  { key: 'audit', path: '/admin/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, permission: 'read:audit' },
];

export const ADMIN_GROUP = { key: 'admin', labelKey: 'nav.admin', icon: <SettingOutlined /> };
export const PLACEHOLDER_ICON = <ApartmentOutlined />;

export function isNavItemVisible(item: NavItem, permissions: readonly string[]): boolean {
  return !item.permission || permissions.includes(item.permission);
}

/** The nav key to highlight for a path: the longest matching item path. */
export function selectedNavKey(pathname: string): string {
  const all = [...MAIN_NAV, ...ADMIN_NAV];
  const matches = all.filter((item) =>
    item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`),
  );
  matches.sort((a, b) => b.path.length - a.path.length);
  return matches[0]?.key ?? '';
}
