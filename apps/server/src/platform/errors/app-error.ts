import { ERROR_CATALOGUE, type ErrorCode } from '@atmis/domain';

/** The one way to fail a request: a stable code from the catalogue plus message parameters. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly fieldErrors: { path: string; message: string }[] = [],
    /** Extra members of the problem body (RFC 9457 extensions), e.g. `currentVersion` on a stale write. */
    readonly extensions: Record<string, string | number> = {},
  ) {
    super(code);
    this.status = ERROR_CATALOGUE[code].status;
  }
}

export const notFound = () => new AppError('resource.not_found');
export const forbidden = () => new AppError('auth.forbidden');
