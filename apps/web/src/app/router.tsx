import type { Me } from '@atmis/domain';
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect } from '@tanstack/react-router';
import { isApiError } from '../lib/api.ts';
import { meQueryOptions } from './auth/me-query.ts';
import { AppLayout } from './layout/app-layout.tsx';
import { NotFoundPage, RouteErrorPage } from './layout/route-pages.tsx';
import { LoginPage } from '../features/auth/index.ts';
import { DashboardPage } from '../features/dashboard/index.ts';
import { TASK_INBOX_VIEWS, type TaskInboxView } from '../features/tasks/index.ts';
import { UnderConstructionPage, type PlannedModule } from '../features/placeholders/index.ts';

export interface RouterContext {
  queryClient: QueryClient;
}

const PASSWORD_PATH = '/account/password';
const SECOND_FACTOR_PATH = '/account/second-factor';

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' &&
    search.redirect.startsWith('/') &&
    !search.redirect.startsWith('//') &&
    !search.redirect.includes('\\')
      ? { redirect: search.redirect }
      : {},
  component: LoginPage,
});

/** Everything behind sign-in: loads the person, then forces a password change or 2FA set-up first. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }): Promise<{ me: Me }> => {
    let me: Me;
    try {
      me = await context.queryClient.ensureQueryData(meQueryOptions);
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        throw redirect({ to: '/login', search: location.pathname === '/' ? {} : { redirect: location.href } });
      }
      throw error;
    }
    if (me.user.mustChangePassword && location.pathname !== PASSWORD_PATH) throw redirect({ to: PASSWORD_PATH });
    if (!me.user.mustChangePassword && me.secondFactorRequired && location.pathname !== SECOND_FACTOR_PATH)
      throw redirect({ to: SECOND_FACTOR_PATH });
    return { me };
  },
  component: AppLayout,
  errorComponent: RouteErrorPage,
});

const dashboardRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: DashboardPage });

function plannedModuleRoute(module: PlannedModule) {
  return createRoute({ getParentRoute: () => appRoute, path: `/${module}`, component: () => <UnderConstructionPage module={module} /> });
}

const plansRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans',
  component: lazyRouteComponent(() => import('../features/plans/pages/plan-list-page.tsx'), 'PlanListPage'),
});
const planImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans/import',
  component: lazyRouteComponent(() => import('../features/plans/pages/plan-import-page.tsx'), 'PlanImportPage'),
});
const planImportReviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans/import/$id',
  component: lazyRouteComponent(() => import('../features/plans/pages/plan-import-review-page.tsx'), 'PlanImportReviewPage'),
});
const planDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans/$id',
  component: lazyRouteComponent(() => import('../features/plans/pages/plan-detail-page.tsx'), 'PlanDetailPage'),
});
const tasksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tasks',
  validateSearch: (search: Record<string, unknown>): { view?: TaskInboxView } =>
    typeof search.view === 'string' && (TASK_INBOX_VIEWS as readonly string[]).includes(search.view)
      ? { view: search.view as TaskInboxView }
      : {},
  component: lazyRouteComponent(() => import('../features/tasks/pages/task-inbox-page.tsx'), 'TaskInboxPage'),
});
const taskDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tasks/$id',
  component: lazyRouteComponent(() => import('../features/tasks/pages/task-detail-page.tsx'), 'TaskDetailPage'),
});
const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/notifications',
  component: lazyRouteComponent(() => import('../features/notifications/pages/notification-list-page.tsx'), 'NotificationListPage'),
});
const REPORT_INBOX_VIEWS = ['mine', 'addressed', 'all'] as const;
type ReportInboxView = (typeof REPORT_INBOX_VIEWS)[number];
const reportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports',
  validateSearch: (search: Record<string, unknown>): { view?: ReportInboxView } =>
    typeof search.view === 'string' && (REPORT_INBOX_VIEWS as readonly string[]).includes(search.view)
      ? { view: search.view as ReportInboxView }
      : {},
  component: lazyRouteComponent(() => import('../features/reports/pages/report-inbox-page.tsx'), 'ReportInboxPage'),
});
const reportDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports/$id',
  component: lazyRouteComponent(() => import('../features/reports/pages/report-detail-page.tsx'), 'ReportDetailPage'),
});
const reportTemplatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports/templates',
  component: lazyRouteComponent(() => import('../features/report-templates/pages/template-list-page.tsx'), 'ReportTemplateListPage'),
});
const reportTemplateNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports/templates/new',
  component: lazyRouteComponent(() => import('../features/report-templates/pages/template-editor-page.tsx'), 'ReportTemplateEditorPage'),
});
const reportTemplateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports/templates/$id',
  component: lazyRouteComponent(() => import('../features/report-templates/pages/template-editor-page.tsx'), 'ReportTemplateEditorPage'),
});
const reportSchedulesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports/schedules',
  component: lazyRouteComponent(() => import('../features/report-schedules/pages/schedule-list-page.tsx'), 'ReportScheduleListPage'),
});
const reportScheduleNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports/schedules/new',
  validateSearch: (search: Record<string, unknown>): { planId?: string } =>
    typeof search.planId === 'string' && /^[0-9a-f-]{36}$/i.test(search.planId) ? { planId: search.planId } : {},
  component: lazyRouteComponent(() => import('../features/report-schedules/pages/schedule-create-page.tsx'), 'ReportScheduleCreatePage'),
});
const reportScheduleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports/schedules/$id',
  component: lazyRouteComponent(() => import('../features/report-schedules/pages/schedule-detail-page.tsx'), 'ReportScheduleDetailPage'),
});
const indicatorsRoute = plannedModuleRoute('indicators');
const tipoffsRoute = plannedModuleRoute('tipoffs');
const casesRoute = plannedModuleRoute('cases');
const victimsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/victims',
  component: lazyRouteComponent(() => import('../features/victims/pages/victim-list-page.tsx'), 'VictimListPage'),
});
const victimReceptionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/victims/new',
  component: lazyRouteComponent(() => import('../features/victims/pages/victim-reception-page.tsx'), 'VictimReceptionPage'),
});
const victimStatisticsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/victims/statistics',
  component: lazyRouteComponent(() => import('../features/victims/pages/victim-statistics-page.tsx'), 'VictimStatisticsPage'),
});
const victimSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/victims/settings',
  component: lazyRouteComponent(() => import('../features/victims/pages/victim-settings-page.tsx'), 'VictimSettingsPage'),
});
export const VICTIM_FILE_TABS = [
  'overview',
  'identification',
  'exploitation',
  'protection',
  'consents',
  'referrals',
  'support',
  'follow-up',
  'statements',
  'documents',
  'history',
] as const;
export type VictimFileTab = (typeof VICTIM_FILE_TABS)[number];
const victimFileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/victims/$id',
  validateSearch: (search: Record<string, unknown>): { tab?: VictimFileTab } =>
    typeof search.tab === 'string' && (VICTIM_FILE_TABS as readonly string[]).includes(search.tab)
      ? { tab: search.tab as VictimFileTab }
      : {},
  component: lazyRouteComponent(() => import('../features/victims/pages/victim-file-page.tsx'), 'VictimFilePage'),
});
export const SUPPORT_HUB_TABS = ['referrals', 'files', 'facilities', 'rates'] as const;
export type SupportHubTab = (typeof SUPPORT_HUB_TABS)[number];
const supportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/support',
  validateSearch: (search: Record<string, unknown>): { tab?: SupportHubTab } =>
    typeof search.tab === 'string' && (SUPPORT_HUB_TABS as readonly string[]).includes(search.tab)
      ? { tab: search.tab as SupportHubTab }
      : {},
  component: lazyRouteComponent(() => import('../features/support/pages/support-hub-page.tsx'), 'SupportHubPage'),
});
const preventionRoute = plannedModuleRoute('prevention');

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/users',
  component: lazyRouteComponent(() => import('../features/users/pages/user-list-page.tsx'), 'UserListPage'),
});
const userDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/users/$id',
  component: lazyRouteComponent(() => import('../features/users/pages/user-detail-page.tsx'), 'UserDetailPage'),
});
const rolesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/roles',
  component: lazyRouteComponent(() => import('../features/roles/pages/role-list-page.tsx'), 'RoleListPage'),
});
const agenciesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/agencies',
  component: lazyRouteComponent(() => import('../features/agencies/pages/agency-list-page.tsx'), 'AgencyListPage'),
});
const orgUnitsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/org-units',
  component: lazyRouteComponent(() => import('../features/org-units/pages/org-unit-browser-page.tsx'), 'OrgUnitBrowserPage'),
});
const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/audit',
  component: lazyRouteComponent(() => import('../features/audit/pages/audit-page.tsx'), 'AuditPage'),
});
const changePasswordRoute = createRoute({
  getParentRoute: () => appRoute,
  path: PASSWORD_PATH,
  component: lazyRouteComponent(() => import('../features/auth/pages/change-password-page.tsx'), 'ChangePasswordPage'),
});
const secondFactorRoute = createRoute({
  getParentRoute: () => appRoute,
  path: SECOND_FACTOR_PATH,
  component: lazyRouteComponent(() => import('../features/auth/pages/second-factor-setup-page.tsx'), 'SecondFactorSetupPage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    dashboardRoute,
    plansRoute,
    planImportRoute,
    planImportReviewRoute,
    planDetailRoute,
    tasksRoute,
    taskDetailRoute,
    notificationsRoute,
    reportsRoute,
    reportDetailRoute,
    reportTemplatesRoute,
    reportTemplateNewRoute,
    reportTemplateRoute,
    reportSchedulesRoute,
    reportScheduleNewRoute,
    reportScheduleRoute,
    indicatorsRoute,
    tipoffsRoute,
    casesRoute,
    victimsRoute,
    victimReceptionRoute,
    victimStatisticsRoute,
    victimSettingsRoute,
    victimFileRoute,
    supportRoute,
    preventionRoute,
    usersRoute,
    userDetailRoute,
    rolesRoute,
    agenciesRoute,
    orgUnitsRoute,
    auditRoute,
    changePasswordRoute,
    secondFactorRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    defaultPendingMs: 300,
    scrollRestoration: true,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
