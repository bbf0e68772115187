import { z } from 'zod';
import { hasInvalidCharacters, normalizeText } from '../text/vietnamese.ts';

/**
 * Unicode bidirectional formatting characters: the embeddings and overrides U+202A–U+202E, the
 * isolates U+2066–U+2069, the marks U+200E/U+200F and the Arabic letter mark U+061C. In a name or a
 * title they reorder what an official reads ("Trojan Source", CVE-2021-42574): "Nguyễn Văn A‮ nóc"
 * displays differently from what is stored and searched. No Vietnamese text needs them.
 */
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** The first bidirectional control character in `value` as `U+XXXX`, or null when there is none. */
export function firstBidiControl(value: string): string | null {
  const found = BIDI_CONTROL.exec(value);
  return found ? `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : null;
}

/** True when `value` holds a bidirectional control character (`firstBidiControl`). */
export function hasBidiControls(value: string): boolean {
  return BIDI_CONTROL.test(value);
}

/** The message for a text refused for its bidirectional controls; `label` names the field. */
export function bidiControlMessage(label: string, codePoint: string): string {
  return `${label} chứa ký tự điều khiển hướng chữ (${codePoint}) làm nội dung hiển thị khác với nội dung thực; vui lòng xóa ký tự này.`;
}

/** Vietnamese names of the fields most often shown as labels; any other field is named by its key. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  fullName: 'Họ và tên',
  name: 'Tên',
  shortName: 'Tên viết tắt',
  title: 'Tiêu đề',
  heading: 'Đề mục',
  description: 'Mô tả',
  summary: 'Tóm tắt',
  details: 'Nội dung chi tiết',
  note: 'Ghi chú',
  notes: 'Ghi chú',
  reason: 'Lý do',
  place: 'Địa điểm',
  relationship: 'Quan hệ',
  content: 'Nội dung',
  comment: 'Ý kiến',
  fileName: 'Tên tệp',
  legalBasis: 'Căn cứ pháp lý',
  legalReference: 'Căn cứ pháp lý',
  decidingAgency: 'Cơ quan ra quyết định',
  decisionNumber: 'Số, ký hiệu quyết định',
  instructions: 'Hướng dẫn',
};

function fieldLabel(path: readonly PropertyKey[] | undefined): string {
  const key = [...(path ?? [])].reverse().find((segment) => typeof segment === 'string');
  if (key === undefined) return 'Nội dung';
  return FIELD_LABELS[key] ?? `Trường "${key}"`;
}

function bidiControlError(issue: { input?: unknown; path?: PropertyKey[] }): string {
  const codePoint = typeof issue.input === 'string' ? (firstBidiControl(issue.input) ?? 'U+202E') : 'U+202E';
  return bidiControlMessage(fieldLabel(issue.path), codePoint);
}

/**
 * Invisible format characters that draw nothing in Vietnamese text but make two strings that look the
 * same differ (search, duplicate check, sorting): zero-width space U+200B, zero-width non-joiner
 * U+200C, word joiner and invisible operators U+2060–U+2064, the byte order mark U+FEFF (also as
 * "zero-width no-break space"), the soft hyphen U+00AD and the Mongolian vowel separator U+180E.
 * They arrive unseen from copy and paste (Word, web pages, chat apps), so they are removed rather
 * than refused: what is stored is then exactly what was displayed.
 */
const INVISIBLE_FORMAT = /[\u00ad\u180e\u200b\u200c\u2060-\u2064\ufeff]/gu;
/**
 * The zero-width joiner U+200D is kept only inside an emoji sequence (👩‍👩‍👧, 👩🏽‍💻, 🏳️‍🌈), where it is
 * what joins the pictographs; anywhere else it is invisible and removed like the characters above.
 */
const STRAY_ZERO_WIDTH_JOINER = /(?<!\p{Extended_Pictographic}|\u{FE0F}|\p{Emoji_Modifier})\u200d|\u200d(?!\p{Extended_Pictographic})/gu;

/** `value` without the invisible format characters (`INVISIBLE_FORMAT`, stray U+200D). */
export function stripInvisibleFormatCharacters(value: string): string {
  return value.replace(INVISIBLE_FORMAT, '').replace(STRAY_ZERO_WIDTH_JOINER, '');
}

/**
 * The stored form of a one-line text from a user: invisible format characters removed (first, so that
 * a mark separated from its letter by one composes again), NFC, whitespace collapsed and trimmed.
 */
export function normalizeFreeText(value: string): string {
  return normalizeText(stripInvisibleFormatCharacters(value));
}

/**
 * Text from users: bounded, free of NUL, lone surrogates and bidirectional controls (refused, with a
 * message naming the field), without invisible format characters (removed), NFC-normalised with
 * whitespace collapsed. Every string that crosses the API boundary goes through one of these.
 */
export function text(max: number, min = 1) {
  return z
    .string()
    .max(max)
    .refine((value) => !hasInvalidCharacters(value), { message: 'Chuỗi chứa ký tự không hợp lệ.' })
    .refine((value) => firstBidiControl(value) === null, { error: bidiControlError })
    .transform(normalizeFreeText)
    .pipe(z.string().min(min).max(max));
}

export function optionalText(max: number) {
  return z
    .string()
    .max(max)
    .refine((value) => !hasInvalidCharacters(value), { message: 'Chuỗi chứa ký tự không hợp lệ.' })
    .refine((value) => firstBidiControl(value) === null, { error: bidiControlError })
    .transform((value) => {
      const normalized = normalizeFreeText(value);
      return normalized === '' ? null : normalized;
    })
    .nullable()
    .optional();
}

/**
 * Text of several lines or paragraphs (a report's narrative, a note): the same rules as `text()`, but
 * line breaks and spacing are the author's and are kept; only NFC normalisation is applied.
 */
export function multilineText(max: number, min = 0) {
  return z
    .string()
    .max(max)
    .refine((value) => !hasInvalidCharacters(value), { message: 'Chuỗi chứa ký tự không hợp lệ.' })
    .refine((value) => firstBidiControl(value) === null, { error: bidiControlError })
    .transform((value) => stripInvisibleFormatCharacters(value).normalize('NFC'))
    .pipe(z.string().min(min).max(max));
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
