/** The agencies module's public surface: what code outside the module may import. */
export { agencyRoutes } from './agencies.routes.ts';
export { agencyNamesById, findAgencyPlace } from './agencies.repository.ts';
