import type { z } from 'zod';
import type { Permission } from '../access/permissions.ts';
import type { ErrorCode } from '../errors/error-codes.ts';

/**
 * Declarative route contracts: what an operation of the API is — method, path, the schemas of its
 * parameters, query, body and answers, how it is reached and the permission it needs, the problems
 * it may answer with. The server registers them through one adapter (`registerRoutes`), the OpenAPI
 * document is made from them, and the web client is generated from that document, so a changed
 * contract breaks the web's typecheck. A module's contracts live in `contracts/routes/<module>.ts`.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * How a route is reached: `session` (the default below /api/v1), a full session; `limited`, also while
 * the second factor or a password change is still pending (me, logout…); `public`, no session (login,
 * health, docs).
 */
export type RouteAccess = 'public' | 'session' | 'limited';

export interface RouteContract {
  method: HttpMethod;
  /** Fastify form, below the API prefix: `/tasks/:id`. */
  path: string;
  summary: string;
  /** What a reader of the API document needs beyond the summary (how a type is detected, when a 409 comes). */
  description?: string;
  tags: readonly string[];
  access?: RouteAccess;
  /** The coarse permission checked before the body is read: one, or any one of several. */
  permission?: Permission | readonly Permission[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Answers by status; an operation that streams a file declares none. */
  response: Readonly<Partial<Record<200 | 201 | 204, z.ZodType>>>;
  /**
   * Error answers published with their own schema: a problem extended with fields (the 409 of a possible
   * duplicate lists the matches). Not a value the handler returns — it sends them with `reply`.
   */
  problemResponses?: Readonly<Partial<Record<400 | 409, z.ZodType>>>;
  /** Problems this operation answers with beyond the common ones (400 validation, 401, 403, 404, 413, 429). */
  problems?: readonly ErrorCode[];
  /** The largest decoded file a JSON body carries in base64: the body limit follows from it, and the 413 names it. */
  uploadMaxBytes?: number;
  /** Requests per minute from one client (sign-in and recovery). */
  rateLimitPerMinute?: number;
}

/** A module's contracts, by operation name; `const` keeps each schema's type for the handlers. */
export function defineRoutes<const T extends Record<string, RouteContract>>(routes: T): T {
  return routes;
}
