import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { AppError } from '../errors/app-error.ts';

/** Opaque keyset cursors: the sort values of the last item, base64url-encoded JSON. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity && values.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return values as (string | number)[];
    }
  } catch {
    // fall through to the validation error
  }
  throw new AppError('validation.failed', {}, [{ path: 'cursor', message: 'Con trỏ phân trang không hợp lệ.' }]);
}

export function toIso(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/**
 * A list's sort: an SQL expression for the chosen key (text keys are compared byte-wise with
 * COLLATE "C", names through vn_fold(), so the order is the same on PGlite and PostgreSQL), the id
 * tie-breaker, and the direction. Queries select `expression` as well, so the cursor carries the
 * database's own sort value.
 */
export interface KeysetSort {
  key: string;
  expression: SQL;
  idColumn: AnyColumn;
  isDescending: boolean;
  /** Timestamps travel in cursors as ISO strings. */
  isTimestamp?: boolean;
}

/** Text sort keys: byte order of the (folded) value, identical on every engine and locale. */
export function textSortExpression(expression: AnyColumn | SQL, isFolded = false): SQL {
  return isFolded ? sql`vn_fold(${expression}) collate "C"` : sql`(${expression})::text collate "C"`;
}

/** ORDER BY for a keyset sort. */
export function keysetOrder(sort: KeysetSort): SQL[] {
  const direction = sort.isDescending ? sql`desc` : sql`asc`;
  return [sql`${sort.expression} ${direction}`, sql`${sort.idColumn} ${direction}`];
}

/**
 * Decodes a cursor made by `keysetCursor` for the same sort and returns the "after this row"
 * condition; a cursor from another sort is refused like any malformed cursor.
 */
export function keysetAfter(sort: KeysetSort, cursor: string | undefined): SQL | undefined {
  const values = decodeCursor(cursor, 3);
  if (!values) return undefined;
  const [key, value, id] = values as [string, string | number, string];
  if (key !== sort.key || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) decodeCursor('!', 3);
  const boundary = sort.isTimestamp ? sql`${String(value)}::timestamptz` : sql`${String(value)} collate "C"`;
  const beyond = sort.isDescending ? sql`<` : sql`>`;
  return sql`(${sort.expression} ${beyond} ${boundary} or (${sort.expression} = ${boundary} and ${sort.idColumn} ${beyond} ${id}::uuid))`;
}

export function keysetCursor(sort: KeysetSort, value: string | number | Date, id: string): string {
  return encodeCursor([sort.key, value instanceof Date ? value.toISOString() : value, id]);
}
