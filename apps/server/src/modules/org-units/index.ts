/** The org-units module's public surface: what code outside the module may import. */
export { orgUnitRoutes } from './org-units.routes.ts';
export { findOrgUnit, orgUnitNamesById } from './org-units.repository.ts';
