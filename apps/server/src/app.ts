import { existsSync } from 'node:fs';
import type { Duplex } from 'node:stream';
import { formatErrorMessage, type ErrorCode, type Permission } from '@atmis/domain';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { DatabaseHandle } from '@atmis/db';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from './config.ts';
import { agencyRoutes } from './modules/agencies/index.ts';
import { auditRoutes } from './modules/audit/index.ts';
import { authRoutes, encryptPlainTotpSecrets } from './modules/auth/index.ts';
import { healthRoutes } from './modules/health/index.ts';
import { orgUnitRoutes } from './modules/org-units/index.ts';
import { periodRoutes, reportRoutes } from './modules/reports/index.ts';
import { handOverNotificationConsumers, notificationRoutes } from './modules/notifications/index.ts';
import { createMailer } from './platform/mail/mailer.ts';
import { createPrefillRegistry, type PrefillRegistry } from './platform/prefill/prefill-registry.ts';
import { planRoutes } from './modules/plans/index.ts';
import { taskRoutes } from './modules/tasks/index.ts';
import { roleRoutes } from './modules/roles/index.ts';
import { userRoutes } from './modules/users/index.ts';
import { victimRoutes } from './modules/victims/index.ts';
import { registerRequestGuard, routePermissions, type RouteAccess } from './platform/auth/request-guard.ts';
import { createFieldCipher } from './platform/crypto/keyring-file.ts';
import { AppError } from './platform/errors/app-error.ts';
import { registerProblemHandlers, sendProblem } from './platform/errors/problem-handler.ts';
import { registerStrictJsonParser } from './platform/http/json-body.ts';
import {
  createOutboxConsumerRegistry,
  createOutboxDispatcher,
  type OutboxConsumerSet,
  type OutboxDispatcher,
} from './platform/outbox/outbox-dispatcher.ts';

export interface AppDependencies {
  database: DatabaseHandle;
  config: AppConfig;
  clock?: () => Date;
  logger?: boolean | object;
  /** Consumers of the outbox besides the app's own (tests: a consumer that fails). */
  extraOutboxConsumers?: readonly OutboxConsumerSet[];
}

export type App = FastifyInstance;

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's outbox dispatcher: main.ts sweeps with it; every successful write request runs it before answering. */
    outbox: OutboxDispatcher;
    /** The app's prefill providers (the daily reports run in main.ts uses the same ones). */
    prefill: PrefillRegistry;
  }
}

/** Errors Node's HTTP parser raises before Fastify sees a request (e.g. headers over 16 KiB). */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable) return;
  const code = error.code === 'HPE_HEADER_OVERFLOW' ? 'request.header_too_large' : 'request.malformed';
  const status = code === 'request.header_too_large' ? 431 : 400;
  const body = JSON.stringify({ type: `urn:atmis:problem:${code}`, title: formatErrorMessage(code, 'vi'), status, code });
  socket.end(
    `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

// Validation messages default to Vietnamese; English ones are produced per request when asked for.
z.config(z.locales.vi());

export async function buildApp({
  database,
  config,
  clock = () => new Date(),
  logger = false,
  extraOutboxConsumers = [],
}: AppDependencies): Promise<App> {
  const app = Fastify({
    logger: logger === true ? { level: 'info', redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] } : logger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: process.env.ATMIS_TRUST_PROXY === 'true',
    // Long hostile path values reach validation (400) instead of the router's bare 414.
    routerOptions: { maxParamLength: 5000 },
    clientErrorHandler: answerClientError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);
  registerStrictJsonParser(app);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: config.secureCookies,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('auth.too_many_requests'),
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'ATMIS API', description: 'Hệ thống quản lý công tác phòng, chống mua bán người', version: '0.1.0' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'atmis_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    // Each operation says how it is reached, the permission it needs (any one of `x-permission`) and,
    // where its contract names them, the problems it may answer with beyond the common ones (`x-problems`).
    transform: (input) => {
      const result = jsonSchemaTransform(input);
      const config = input.route.config as
        { access?: RouteAccess; permission?: Permission | readonly Permission[]; problems?: readonly ErrorCode[] } | undefined;
      const permissions = routePermissions(config);
      return {
        ...result,
        schema: {
          ...result.schema,
          'x-access': config?.access ?? (input.url.startsWith('/api/v1/') ? 'session' : 'public'),
          ...(permissions.length ? { 'x-permission': [...permissions] } : {}),
          ...(config?.problems?.length ? { 'x-problems': [...config.problems] } : {}),
        },
      };
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  registerRequestGuard(app, database.db, config, clock);
  // Production refuses to start without its key file (the error names ATMIS_DATA_KEYS_FILE).
  const cipher = createFieldCipher(config);
  await encryptPlainTotpSecrets(database.db, cipher);
  // Hand-overs of work reach their receivers through the outbox: the consumers are this app's, and a
  // write request's events are delivered before its answer leaves (the sweep in main.ts takes leftovers).
  // One mailer per app (ATMIS_SMTP_URL is read when the app is built): e-mail goes out after commit, never inside a transaction.
  const mailer = createMailer();
  const outbox = createOutboxDispatcher({
    db: database.db,
    clock,
    consumers: createOutboxConsumerRegistry([handOverNotificationConsumers(mailer), ...extraOutboxConsumers]),
  });
  app.decorate('outbox', outbox);
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) {
      try {
        await outbox.dispatchPending();
      } catch (error) {
        request.log.error({ err: error }, 'outbox dispatch failed');
      }
    }
    return payload;
  });
  // One registry of prefill providers per app: the victims module registers its own, reports ask it.
  const prefill = createPrefillRegistry();
  app.decorate('prefill', prefill);
  const deps = { db: database.db, database, config, clock, cipher, outbox, mailer, prefill };
  await app.register(healthRoutes(deps));
  await app.register(
    async (api) => {
      await api.register(authRoutes(deps));
      await api.register(userRoutes(deps));
      await api.register(roleRoutes(deps));
      await api.register(orgUnitRoutes(deps));
      await api.register(agencyRoutes(deps));
      await api.register(auditRoutes(deps));
      await api.register(periodRoutes());
      await api.register(reportRoutes(deps));
      await api.register(planRoutes(deps));
      await api.register(taskRoutes(deps));
      await api.register(notificationRoutes(deps));
      await api.register(victimRoutes(deps));
    },
    { prefix: '/api/v1' },
  );

  // The web app on the same port; any other GET outside /api falls back to index.html for client routing.
  const servesWeb = Boolean(config.webDistDir && existsSync(`${config.webDistDir}/index.html`));
  if (servesWeb) await app.register(fastifyStatic, { root: config.webDistDir!, wildcard: false, index: 'index.html' });
  app.setNotFoundHandler((request, reply) => {
    if (servesWeb && request.method === 'GET' && !request.url.startsWith('/api')) return reply.sendFile('index.html');
    return sendProblem(request, reply, 'request.route_not_found');
  });
  return app;
}
