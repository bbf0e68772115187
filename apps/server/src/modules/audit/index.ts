/** The audit module's public surface: what code outside the module may import. */
export { auditRoutes } from './audit.routes.ts';
