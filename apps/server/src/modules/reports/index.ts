/** The reports module's public surface: what code outside the module may import. */
export { reportRoutes } from './reports.routes.ts';
export { periodRoutes } from './periods.routes.ts';
export { startDailyReports } from './report-scheduler.ts';
