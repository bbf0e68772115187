import type { ErrorCode, RouteContract } from '@atmis/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { z } from 'zod';
import { base64BodyLimit } from './upload-limit.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The problems the operation's contract names (published as `x-problems`). */
    problems?: readonly ErrorCode[];
  }
}

type Input<S> = S extends z.ZodType ? z.output<S> : undefined;
type Answer<C extends RouteContract> = {
  [S in keyof C['response']]: C['response'][S] extends z.ZodType ? z.input<C['response'][S]> : never;
}[keyof C['response']];

/** The request of an operation, typed from its contract (parameters, query and body as validated). */
export type ContractRequest<C extends RouteContract> = FastifyRequest<{
  Params: Input<C['params']>;
  Querystring: Input<C['query']>;
  Body: Input<C['body']>;
}>;

/** A handler answers with a value of one of the contract's answers, or sends the reply itself (status, a file). */
export type ContractHandler<C extends RouteContract> = (
  request: ContractRequest<C>,
  reply: FastifyReply,
) => Answer<C> | FastifyReply | Promise<Answer<C> | FastifyReply>;

export type ContractHandlers<T extends Record<string, RouteContract>> = { [K in keyof T]: ContractHandler<T[K]> };

/**
 * The one adapter from route contracts to Fastify: each contract becomes a route with its schemas
 * (validated and serialised by the zod type provider), its access and permission (checked by the
 * request guard before the body is read), its body and rate limits and its problems; every
 * contract needs its handler, and a handler without a contract does not type-check.
 */
export function registerRoutes<T extends Record<string, RouteContract>>(app: FastifyInstance, contracts: T, handlers: ContractHandlers<T>) {
  for (const [name, contract] of Object.entries(contracts) as [keyof T & string, RouteContract][]) {
    app.route({
      method: contract.method,
      url: contract.path,
      ...(contract.uploadMaxBytes ? { bodyLimit: base64BodyLimit(contract.uploadMaxBytes) } : {}),
      config: {
        ...(contract.access ? { access: contract.access } : {}),
        ...(contract.permission ? { permission: contract.permission } : {}),
        ...(contract.uploadMaxBytes ? { uploadMaxBytes: contract.uploadMaxBytes } : {}),
        ...(contract.rateLimitPerMinute ? { rateLimit: { max: contract.rateLimitPerMinute, timeWindow: '1 minute' } } : {}),
        ...(contract.problems?.length ? { problems: contract.problems } : {}),
      },
      schema: {
        tags: [...contract.tags],
        summary: contract.summary,
        ...(contract.description ? { description: contract.description } : {}),
        ...(contract.params ? { params: contract.params } : {}),
        ...(contract.query ? { querystring: contract.query } : {}),
        ...(contract.body ? { body: contract.body } : {}),
        ...(Object.keys(contract.response).length || contract.problemResponses
          ? { response: { ...contract.response, ...contract.problemResponses } }
          : {}),
      },
      handler: handlers[name] as unknown as RouteHandlerMethod,
    });
  }
}
