/** The roles module's public surface: what code outside the module may import. */
export { roleRoutes } from './roles.routes.ts';
export { findRole, type RoleRow } from './roles.repository.ts';
