/** The users module's public surface: what code outside the module may import. */
export { userRoutes } from './users.routes.ts';
