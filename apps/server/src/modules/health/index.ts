/** The health module's public surface: what code outside the module may import. */
export { healthRoutes } from './health.routes.ts';
