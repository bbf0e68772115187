import { ERROR_CATALOGUE, type ErrorCode } from '@atmis/domain';

/** The one way to fail a request: a stable code from the catalogue plus message parameters. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly fieldErrors: { path: string; message: string }[] = [],
  ) {
    super(code);
    this.status = ERROR_CATALOGUE[code].status;
  }
}

export const notFound = () => new AppError('resource.not_found');
export const forbidden = () => new AppError('auth.forbidden');
