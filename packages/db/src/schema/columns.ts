import { sql, type SQL } from 'drizzle-orm';
import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';

/** Primary key: UUID v7 generated in the application (time-ordered, no extension needed). */
export const idColumn = () =>
  uuid('id')
    .primaryKey()
    .$defaultFn(() => uuidv7());

export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/** An accent-insensitive search key kept by the database: vn_fold() of the given expression. */
export const foldedText = customType<{ data: string; driverData: string }>({
  dataType() {
    return 'text';
  },
});

export function foldOf(expression: SQL): SQL {
  return sql`vn_fold(${expression})`;
}
