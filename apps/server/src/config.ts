import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type RunMode = 'demo' | 'production';

export interface AppConfig {
  port: number;
  host: string;
  mode: RunMode;
  /** PGlite data directory (ignored when databaseUrl is set). */
  dataDir: string;
  databaseUrl: string | undefined;
  /** Cookies get the Secure flag (HTTPS); on by default in production. */
  secureCookies: boolean;
  /** Roles that say they need a second factor get it enforced (production by default, not in demo). */
  enforceSecondFactor: boolean;
  sessionHours: number;
  lockout: { maxFailures: number; minutes: number };
  /** Built web app served on the same port; absent in API-only tests. */
  webDistDir: string | undefined;
  initialAdmin: { username: string; password: string } | undefined;
  bodyLimitBytes: number;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const mode: RunMode = env.NODE_ENV === 'production' || env.ATMIS_MODE === 'production' ? 'production' : 'demo';
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT không hợp lệ: ${env.PORT}`);
  const isProduction = mode === 'production';
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    mode,
    dataDir: path.resolve(env.ATMIS_DATA_DIR ?? path.join(repoRoot, 'data')),
    databaseUrl: env.DATABASE_URL || undefined,
    secureCookies: flag(env.ATMIS_SECURE_COOKIES, isProduction),
    enforceSecondFactor: flag(env.ATMIS_ENFORCE_2FA, isProduction),
    sessionHours: Number(env.ATMIS_SESSION_HOURS ?? 8),
    lockout: { maxFailures: 10, minutes: Number(env.ATMIS_LOCKOUT_MINUTES ?? 15) },
    webDistDir: env.ATMIS_WEB_DIST ?? path.join(repoRoot, 'apps/web/dist'),
    initialAdmin:
      env.ATMIS_ADMIN_USERNAME && env.ATMIS_ADMIN_PASSWORD
        ? { username: env.ATMIS_ADMIN_USERNAME, password: env.ATMIS_ADMIN_PASSWORD }
        : undefined,
    bodyLimitBytes: 1024 * 1024,
  };
}
