/** The victims module's public surface: what code outside the module may import. */
export { victimRoutes } from './victims.routes.ts';
export { victimPersonIndexes } from './victim-index-rebuild.ts';
