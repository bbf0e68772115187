import type { Problem } from '@atmis/domain';
import createClient from 'openapi-fetch';
import type { paths } from './api/schema';

/** The server's RFC 9457 problem, thrown from every failed call. `title` is already localised. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: { path: string; message: string }[];
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title} ${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.problem = problem;
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The message to show a person for any failure: the server's title, else a generic line. */
export function errorMessageOf(error: unknown, fallback: string): string {
  if (isApiError(error)) return error.detail && error.code !== 'validation.failed' ? `${error.title} ${error.detail}` : error.title;
  if (error instanceof Error && error.message) return fallback;
  return fallback;
}

type AuthEventHandler = (problem: ApiError) => void;
let authEventHandler: AuthEventHandler = () => undefined;
let languageProvider: () => string = () => 'vi';

/** Who hears about 401s and forced steps (password change, 2FA setup): the router, set at start-up. */
export function setAuthEventHandler(handler: AuthEventHandler): void {
  authEventHandler = handler;
}

export function setLanguageProvider(provider: () => string): void {
  languageProvider = provider;
}

const AUTH_EVENT_CODES = new Set(['auth.password_change_required', 'auth.second_factor_setup_required']);

export function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export const CSRF_COOKIE = 'atmis_csrf';
const UNSAFE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

export type QueryValue = string | number | boolean | null | undefined;

/**
 * The address of a file the browser fetches itself (a link, or downloadFile()): a path of the generated schema
 * with its `{…}` parameters filled in, so a renamed or removed route breaks the typecheck here too.
 */
export function buildUrl(path: keyof paths, params: { path?: Record<string, string>; query?: Record<string, QueryValue> } = {}): string {
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params.path?.[name] ?? ''));
  const search = params.query ? serializeQuery(params.query) : '';
  return search ? `${url}?${search}` : url;
}

function fallbackProblem(status: number, statusText: string): Problem {
  const isVietnamese = languageProvider().startsWith('vi');
  const title =
    status === 0
      ? isVietnamese
        ? 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.'
        : 'Cannot reach the server. Check the network and try again.'
      : isVietnamese
        ? `Lỗi máy chủ (${status}). Vui lòng thử lại sau.`
        : `Server error (${status}${statusText ? ` ${statusText}` : ''}). Please try again later.`;
  return { type: 'about:blank', title, status, code: status === 0 ? 'network.unreachable' : 'server.internal' };
}

/** Sends one request as the browser should: CSRF on unsafe methods, the language, problems thrown as ApiError. */
async function send(input: Request, isAuthRedirectSkipped: boolean): Promise<Response> {
  const upperMethod = input.method.toUpperCase();
  const headers = new Headers(input.headers);
  headers.set('Accept', 'application/json, application/problem+json');
  headers.set('Accept-Language', languageProvider());
  if (UNSAFE_METHODS.has(upperMethod)) {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers.set('X-CSRF-Token', csrf);
  }
  let response: Response;
  try {
    response = await fetch(new Request(input, { headers, credentials: 'same-origin' }));
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(fallbackProblem(0, ''));
  }
  if (response.ok) return response;
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  const payload: unknown = isJson ? await response.json().catch(() => null) : null;
  const problem =
    payload && typeof payload === 'object' && 'title' in payload && 'status' in payload
      ? ({ code: 'server.internal', type: 'about:blank', ...(payload as object) } as Problem)
      : fallbackProblem(response.status, response.statusText);
  const error = new ApiError(problem);
  if ((response.status === 401 && !isAuthRedirectSkipped) || AUTH_EVENT_CODES.has(error.code)) authEventHandler(error);
  throw error;
}

function serializeQuery(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  return params.toString();
}

/**
 * The typed client, generated from the server's OpenAPI document (`npm run api:generate`): paths, parameters,
 * bodies and responses come from the route contracts, so a changed contract breaks the web's typecheck.
 * Failures are thrown as ApiError; use `unwrap()` to get the data of a call.
 */
export const client = createClient<paths>({ fetch: (input) => send(input, false), querySerializer: serializeQuery });

/** The same client for the login form: a 401 there is a wrong password, not a reason to go to the login page. */
export const clientWithoutAuthRedirect = createClient<paths>({ fetch: (input) => send(input, true), querySerializer: serializeQuery });

/**
 * The JSON a path's method answers with for a status (200 by default), from the generated schema: for the
 * types a call's result does not carry by itself (a problem's extra fields).
 */
export type ResponseOf<P extends keyof paths, M extends keyof paths[P], S extends number = 200> = paths[P][M] extends {
  responses: infer R;
}
  ? S extends keyof R
    ? R[S] extends { content: { 'application/json': infer B } }
      ? B
      : never
    : never
  : never;

/** The query parameters a path's method takes (GET by default), from the generated schema. */
export type QueryOf<P extends keyof paths, M extends keyof paths[P] = 'get' & keyof paths[P]> = paths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;

/** The data of a successful call (failures were already thrown by the client). */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown }>): Promise<T> {
  const { data } = await call;
  return data as T;
}
