import {
  changePasswordBodySchema,
  loginBodySchema,
  loginResultSchema,
  meSchema,
  okSchema,
  secondFactorBodySchema,
  totpSetupSchema,
} from '@atmis/domain';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { auditContextOf, CSRF_COOKIE, SESSION_COOKIE } from '../../platform/auth/request-guard.ts';
import { loadSession } from '../../platform/auth/session-store.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { localeOf } from '../../platform/errors/problem-handler.ts';
import { createAuthService } from './auth.service.ts';

const tags = ['auth'];

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

  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/auth/login',
      {
        // A flood guard only (argon2 is costly): failures have their own, tighter budget per address
        // and per account in the service, so many officials behind one address can still sign in.
        config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
        schema: { tags, summary: 'Đăng nhập', body: loginBodySchema, response: { 200: loginResultSchema } },
      },
      async (request, reply) => {
        // The guard loaded the session this browser still carries, if any: the sign-in ends it.
        const outcome = await service.login(request.body.username, request.body.password, auditContextOf(request), request.session);
        setSessionCookies(reply, outcome.token, outcome.csrfToken);
        if (outcome.isSecondFactorPending) return { status: 'second_factor_required' as const, csrfToken: outcome.csrfToken, me: null };
        const session = await loadSession(deps.db, outcome.token, deps.clock());
        if (!session) throw new AppError('auth.unauthenticated');
        return { status: 'ok' as const, csrfToken: outcome.csrfToken, me: await service.describeMe(session) };
      },
    );

    app.post(
      '/auth/second-factor/verify',
      {
        config: { access: 'limited', rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: { tags, summary: 'Xác thực mã hai lớp sau khi đăng nhập', body: secondFactorBodySchema, response: { 200: meSchema } },
      },
      async (request) => {
        const session = request.session!;
        await service.verifySecondFactor(session, request.body.code, auditContextOf(request));
        return service.describeMe({ ...session, isSecondFactorPending: false });
      },
    );

    app.post(
      '/auth/logout',
      { config: { access: 'limited' }, schema: { tags, summary: 'Đăng xuất', response: { 200: okSchema } } },
      async (request, reply) => {
        await service.logout(request.session!, auditContextOf(request));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        reply.clearCookie(CSRF_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/auth/me',
      { config: { access: 'limited' }, schema: { tags, summary: 'Người dùng hiện tại và các phân công', response: { 200: meSchema } } },
      async (request) => {
        if (request.session!.isSecondFactorPending) throw new AppError('auth.second_factor_required');
        return service.describeMe(request.session!);
      },
    );

    app.post(
      '/auth/password',
      {
        config: { access: 'limited', rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: { tags, summary: 'Đổi mật khẩu', body: changePasswordBodySchema, response: { 200: okSchema } },
      },
      async (request) => {
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
    );

    app.post(
      '/auth/second-factor/setup',
      {
        config: { access: 'limited' },
        schema: { tags, summary: 'Bắt đầu thiết lập xác thực hai lớp (TOTP)', response: { 200: totpSetupSchema } },
      },
      async (request) => {
        const session = request.session!;
        if (session.isSecondFactorPending || session.user.totpEnabled) throw new AppError('auth.forbidden');
        return service.beginSecondFactorSetup(session);
      },
    );

    app.post(
      '/auth/second-factor/enable',
      {
        config: { access: 'limited', rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: { tags, summary: 'Bật xác thực hai lớp bằng mã đầu tiên', body: secondFactorBodySchema, response: { 200: okSchema } },
      },
      async (request) => {
        if (request.session!.isSecondFactorPending) throw new AppError('auth.second_factor_required');
        await service.enableSecondFactor(request.session!, request.body.code, auditContextOf(request));
        return { ok: true as const };
      },
    );
  };
}
