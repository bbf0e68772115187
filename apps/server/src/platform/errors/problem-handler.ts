import { formatErrorMessage, localeFromAcceptLanguage, type ErrorCode, type Locale } from '@atmis/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from './app-error.ts';

const englishErrors = z.locales.en();
const vietnameseErrors = z.locales.vi();

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  instance?: string;
  errors?: { path: string; message: string }[];
}

export function localeOf(request: FastifyRequest): Locale {
  return localeFromAcceptLanguage(request.headers['accept-language']);
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  params: Record<string, string | number> = {},
  errors?: { path: string; message: string }[],
  extensions: Record<string, string | number> = {},
): FastifyReply {
  const error = new AppError(code, params);
  const locale = localeOf(request);
  const body: ProblemBody = {
    type: `urn:atmis:problem:${code}`,
    title: formatErrorMessage(code, locale, params),
    status: error.status,
    code,
    instance: request.url.split('?')[0],
  };
  if (errors?.length) body.errors = errors;
  Object.assign(body, extensions);
  return reply.status(error.status).type('application/problem+json; charset=utf-8').send(body);
}

type ZodIssueLike = Parameters<typeof englishErrors.localeError>[0];

function describeIssue(issue: { instancePath?: string; message?: string; params?: { issue?: unknown } }, locale: Locale) {
  const raw = issue.params?.issue as (ZodIssueLike & { path?: PropertyKey[]; message?: string }) | undefined;
  const pathText = raw?.path?.length ? raw.path.map(String).join('.') : (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  let message = raw?.message ?? issue.message ?? '';
  // Our own refinements carry Vietnamese messages already; zod's built-in ones are localised here.
  if (raw && raw.code !== 'custom') {
    const localized = (locale === 'en' ? englishErrors : vietnameseErrors).localeError(raw);
    message = typeof localized === 'string' ? localized : (localized?.message ?? message);
  }
  return { path: pathText || '(body)', message };
}

/** A body over the limit: on an upload route the refusal names the file size limit. Nothing was read, so nothing was written. */
function sendTooLarge(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const maxBytes = request.routeOptions.config.uploadMaxBytes;
  if (maxBytes === undefined) return sendProblem(request, reply, 'request.too_large');
  return sendProblem(request, reply, 'request.file_too_large', { limit: Math.round(maxBytes / 1024 / 1024) });
}

/** Maps every error to RFC 9457 problem+json in one place. Guards throw; they never reply.
 * (Unknown routes are answered by the not-found handler that app.ts sets, web app or not.) */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      const fieldErrors = error.fieldErrors.length ? error.fieldErrors : undefined;
      return sendProblem(request, reply, error.code, error.params, fieldErrors, error.extensions);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const locale = localeOf(request);
      const errors = error.validation.map((issue) => describeIssue(issue as never, locale));
      return sendProblem(request, reply, 'validation.failed', {}, errors);
    }
    const fastifyError = error as FastifyError;
    switch (fastifyError.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendTooLarge(request, reply);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendProblem(request, reply, 'request.unsupported_media_type');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_VALIDATION':
        return sendProblem(request, reply, fastifyError.code === 'FST_ERR_VALIDATION' ? 'validation.failed' : 'request.malformed');
      default:
        break;
    }
    const status = fastifyError.statusCode ?? 500;
    if (status === 429) return sendProblem(request, reply, 'auth.too_many_requests');
    if (status === 413) return sendTooLarge(request, reply);
    if (status === 415) return sendProblem(request, reply, 'request.unsupported_media_type');
    if (status >= 400 && status < 500) return sendProblem(request, reply, 'request.malformed');
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, 'server.internal');
  });
}
