import type { Database } from '@atmis/db';
import { hasPermission, type Actor, type Permission, type RouteAccess } from '@atmis/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config.ts';
import { AppError } from '../errors/app-error.ts';
import type { AuditContext } from '../audit/audit-log.ts';
import { loadSession, touchSession, type LoadedSession } from './session-store.ts';
import { safeEqual } from './tokens.ts';

export const SESSION_COOKIE = 'atmis_session';
export const CSRF_COOKIE = 'atmis_csrf';

/** How a route is reached: the domain's `RouteAccess` (a route contract's `access`). */
export type { RouteAccess };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** The coarse permission a route needs: one, or any of several (e.g. `['read:victims', 'read:support']`). */
    permission?: Permission | readonly Permission[];
  }
  interface FastifyRequest {
    session: LoadedSession | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The permissions a route accepts (any one of them suffices); empty when it declares none. */
export function routePermissions(config: { permission?: Permission | readonly Permission[] } | undefined): readonly Permission[] {
  const permission = config?.permission;
  if (!permission) return [];
  return typeof permission === 'string' ? [permission] : permission;
}

/** The actor of a request that passed the guard (routes with access 'session'). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.session) throw new AppError('auth.unauthenticated');
  return request.session.actor;
}

export function auditContextOf(request: FastifyRequest): AuditContext {
  return {
    actorUserId: request.session?.user.id ?? null,
    actorUsername: request.session?.user.username ?? null,
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
  };
}

export function isSecondFactorSetupNeeded(session: LoadedSession, config: AppConfig): boolean {
  return config.enforceSecondFactor && session.isSecondFactorRequiredByRole && !session.user.totpEnabled;
}

/**
 * Every request passes here before its body is even parsed: authentication, CSRF, pending steps,
 * then the route's coarse permission. Record-level scope is applied later by the repositories.
 */
export function registerRequestGuard(app: FastifyInstance, db: Database, config: AppConfig, clock: () => Date): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    const routeConfig = request.routeOptions.config;
    const url = request.routeOptions.url;
    if (!url) return; // unknown route: the not-found handler answers
    // The API needs a session unless a route says otherwise; the web app's files and the API docs are public.
    const access: RouteAccess = routeConfig.access ?? (url.startsWith('/api/v1/') ? 'session' : 'public');
    const token = request.cookies[SESSION_COOKIE];
    const now = clock();
    if (token && token.length < 200) {
      request.session = await loadSession(db, token, now);
      if (request.session && now.getTime() - request.session.lastSeenAt.getTime() > 60_000) {
        await touchSession(db, request.session.id, now);
      }
    }
    if (access === 'public') return;
    const session = request.session;
    if (!session) throw new AppError('auth.unauthenticated');
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !safeEqual(header, session.csrfToken)) throw new AppError('auth.csrf_invalid');
    }
    if (access === 'limited') return;
    if (session.isSecondFactorPending) throw new AppError('auth.second_factor_required');
    if (session.user.mustChangePassword) throw new AppError('auth.password_change_required');
    if (isSecondFactorSetupNeeded(session, config)) throw new AppError('auth.second_factor_setup_required');
    const permissions = routePermissions(routeConfig);
    if (permissions.length && !permissions.some((permission) => hasPermission(session.actor, permission)))
      throw new AppError('auth.forbidden');
  });
}
