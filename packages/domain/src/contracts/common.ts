import { z } from 'zod';
import { hasInvalidCharacters, normalizeText } from '../text/vietnamese.ts';

/**
 * Text from users: bounded, free of NUL and lone surrogates, NFC-normalised with whitespace
 * collapsed. Every string that crosses the API boundary goes through one of these.
 */
export function text(max: number, min = 1) {
  return z
    .string()
    .max(max)
    .refine((value) => !hasInvalidCharacters(value), { message: 'Chuỗi chứa ký tự không hợp lệ.' })
    .transform(normalizeText)
    .pipe(z.string().min(min).max(max));
}

export function optionalText(max: number) {
  return z
    .string()
    .max(max)
    .refine((value) => !hasInvalidCharacters(value), { message: 'Chuỗi chứa ký tự không hợp lệ.' })
    .transform((value) => {
      const normalized = normalizeText(value);
      return normalized === '' ? null : normalized;
    })
    .nullable()
    .optional();
}

/** A string free of NUL and lone surrogates (which PostgreSQL refuses), bounded; not normalised. */
export function safeString(max: number, min = 0) {
  return z
    .string()
    .min(min)
    .max(max)
    .refine((value) => !hasInvalidCharacters(value), { message: 'Chuỗi chứa ký tự không hợp lệ.' });
}

export const uuidSchema = z.uuid();
export const isoDateSchema = z.iso.date();
export const orgUnitIdSchema = z
  .string()
  .max(40)
  .regex(/^VN(\.L?\d{2}(\.\d{3})?(\.\d{5})?)?$/, { message: 'Mã đơn vị hành chính không hợp lệ.' });

export const idParamsSchema = z.strictObject({ id: uuidSchema });

/** Cursor pagination: `limit` items after an opaque `cursor`; `q` is an accent-insensitive search. */
export const listQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: safeString(500).optional(),
  q: safeString(200).optional(),
});

/**
 * Sorting convention: `sort=<key>` ascending or `sort=-<key>` descending, one key per list from a
 * fixed set; ties are broken by id so that cursor pages never repeat or skip a row.
 */
export function sortSchema<const K extends string>(keys: readonly [K, ...K[]], defaultKey: NoInfer<K> | `-${NoInfer<K>}`) {
  type SortValue = K | `-${K}`;
  const values = keys.flatMap((key) => [key, `-${key}`]) as [SortValue, ...SortValue[]];
  return z.enum(values).default(defaultKey as never) as unknown as z.ZodDefault<z.ZodType<SortValue>>;
}

export function parseSort<K extends string>(sort: K | `-${K}`): { key: K; isDescending: boolean } {
  return sort.startsWith('-') ? { key: sort.slice(1) as K, isDescending: true } : { key: sort as K, isDescending: false };
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
    total: z.number().int(),
  });
}

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const okSchema = z.object({ ok: z.literal(true) });
