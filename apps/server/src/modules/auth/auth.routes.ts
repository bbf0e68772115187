import { authRouteContracts } from '@atmis/domain';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { auditContextOf, CSRF_COOKIE, SESSION_COOKIE } from '../../platform/auth/request-guard.ts';
import { loadSession } from '../../platform/auth/session-store.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { localeOf } from '../../platform/errors/problem-handler.ts';
import { registerRoutes } from '../../platform/http/register-routes.ts';
import { createAuthService } from './auth.service.ts';

/** The handlers of the auth contracts (`authRouteContracts`); the session cookies are set and cleared here. */
export function authRoutes(deps: ModuleDependencies): FastifyPluginAsync {
  const service = createAuthService(deps);
  const cookieOptions = {
    path: '/',
    sameSite: 'strict' as const,
    secure: deps.config.secureCookies,
    maxAge: deps.config.sessionHours * 3600,
  };

  function setSessionCookies(reply: FastifyReply, token: string, csrfToken: string) {
    reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, httpOnly: true });
    reply.setCookie(CSRF_COOKIE, csrfToken, { ...cookieOptions, httpOnly: false });
  }

  return async (app) =>
    registerRoutes(app, authRouteContracts, {
      login: async (request, reply) => {
        // The guard loaded the session this browser still carries, if any: the sign-in ends it.
        const outcome = await service.login(request.body.username, request.body.password, auditContextOf(request), request.session);
        setSessionCookies(reply, outcome.token, outcome.csrfToken);
        if (outcome.isSecondFactorPending) return { status: 'second_factor_required' as const, csrfToken: outcome.csrfToken, me: null };
        const session = await loadSession(deps.db, outcome.token, deps.clock());
        if (!session) throw new AppError('auth.unauthenticated');
        return { status: 'ok' as const, csrfToken: outcome.csrfToken, me: await service.describeMe(session) };
      },
      verifySecondFactor: async (request) => {
        const session = request.session!;
        await service.verifySecondFactor(session, request.body.code, auditContextOf(request));
        return service.describeMe({ ...session, isSecondFactorPending: false });
      },
      logout: async (request, reply) => {
        await service.logout(request.session!, auditContextOf(request));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        reply.clearCookie(CSRF_COOKIE, { path: '/' });
        return { ok: true as const };
      },
      getMe: async (request) => {
        if (request.session!.isSecondFactorPending) throw new AppError('auth.second_factor_required');
        return service.describeMe(request.session!);
      },
      changePassword: async (request) => {
        if (request.session!.isSecondFactorPending) throw new AppError('auth.second_factor_required');
        await service.changePassword(
          request.session!,
          request.body.currentPassword,
          request.body.newPassword,
          localeOf(request),
          auditContextOf(request),
        );
        return { ok: true as const };
      },
      beginSecondFactorSetup: async (request) => {
        const session = request.session!;
        if (session.isSecondFactorPending || session.user.totpEnabled) throw new AppError('auth.forbidden');
        return service.beginSecondFactorSetup(session);
      },
      enableSecondFactor: async (request) => {
        if (request.session!.isSecondFactorPending) throw new AppError('auth.second_factor_required');
        await service.enableSecondFactor(request.session!, request.body.code, auditContextOf(request));
        return { ok: true as const };
      },
    });
}
