import { IDENTITY_ENCRYPTED_COLUMNS, VICTIM_ENCRYPTED_COLUMNS } from '@atmis/db';
import { columnAad } from './field-cipher.ts';

/**
 * Every column holding field ciphertext, keyed by a uuid `id`: the key rotation re-encrypts them
 * all. A module that adds encrypted columns lists them in its schema and adds them here.
 */
export interface EncryptedColumn {
  table: string;
  column: string;
}

export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [...IDENTITY_ENCRYPTED_COLUMNS, ...VICTIM_ENCRYPTED_COLUMNS];

/** The AAD of a registered column; throws on an unregistered one (so rotation never misses a column). */
export function registeredAad(table: string, column: string): string {
  if (!ENCRYPTED_COLUMNS.some((entry) => entry.table === table && entry.column === column)) {
    throw new Error(`${table}.${column} is not a registered encrypted column`);
  }
  return columnAad(table, column);
}
