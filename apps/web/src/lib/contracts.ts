/**
 * Types derived from the shared zod contracts in @atmis/domain, so the browser never restates a DTO.
 * Zod 4 schemas carry their input and output types on `_zod`.
 */
import type { totpSetupSchema, loginResultSchema } from '@atmis/domain';

interface ZodLike {
  _zod: { input: unknown; output: unknown };
}
export type Input<S extends ZodLike> = S['_zod']['input'];
export type Output<S extends ZodLike> = S['_zod']['output'];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

export type LoginResult = Output<typeof loginResultSchema>;
export type TotpSetup = Output<typeof totpSetupSchema>;
export interface Ok {
  ok: true;
}
