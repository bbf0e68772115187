import { searchWords } from '@atmis/domain';
import { and, sql, type AnyColumn, type SQL } from 'drizzle-orm';

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The one accent-insensitive search of the API: every word of the query must occur in the
 * folded search key (a vn_fold() column or expression, served by its trigram index).
 * Returns undefined for an empty query.
 */
export function searchCondition(searchKey: AnyColumn | SQL, query: string | undefined): SQL | undefined {
  if (!query) return undefined;
  const words = searchWords(query);
  if (words.length === 0) return undefined;
  return and(...words.map((word) => sql`${searchKey} like '%' || vn_fold(${escapeLike(word)}) || '%'`));
}
