/** The auth module's public surface: what code outside the module may import. */
export { authRoutes } from './auth.routes.ts';
export { assertPasswordPolicy } from './auth.service.ts';
export { encryptPlainTotpSecrets } from './totp-secrets.ts';
