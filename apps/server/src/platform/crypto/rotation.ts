import { queryRows, type Database } from '@atmis/db';
import { sql } from 'drizzle-orm';
import { columnAad, FieldCipher, withNewCurrentKey, type Keyring } from './field-cipher.ts';
import { ENCRYPTED_COLUMNS, type EncryptedColumn } from './encrypted-columns.ts';
import { readKeyFile, writeKeyFile } from './keyring-file.ts';

/**
 * Key rotation: a new data key becomes current and every registered encrypted column is rewritten
 * under it, in batches, each batch in its own transaction. The key file is written first (with the
 * old keys kept), so an interrupted rotation loses nothing: run it again with `resume` to finish.
 * Keys no longer used by any value can then be removed (`pruneUnusedKeys`).
 */
export interface RotationResult {
  keyId: string;
  reencrypted: number;
  byColumn: Record<string, number>;
}

const likePrefix = (keyId: string) => `v1:${keyId}:%`;

/** Rewrites every value not yet under the current key; returns how many were rewritten per column. */
export async function reencryptColumns(
  db: Database,
  cipher: FieldCipher,
  columns: readonly EncryptedColumn[] = ENCRYPTED_COLUMNS,
  batchSize = 500,
): Promise<Record<string, number>> {
  const byColumn: Record<string, number> = {};
  for (const { table, column } of columns) {
    const aad = columnAad(table, column);
    let count = 0;
    let after: string | null = null;
    for (;;) {
      const rows: { id: string; value: string }[] = await queryRows<{ id: string; value: string }>(
        db,
        sql`select id::text as id, ${sql.identifier(column)} as value from ${sql.identifier(table)}
            where ${sql.identifier(column)} is not null and ${sql.identifier(column)} not like ${likePrefix(cipher.currentKeyId)}
            ${after ? sql`and id > ${after}::uuid` : sql``}
            order by id limit ${batchSize}`,
      );
      if (rows.length === 0) break;
      await db.transaction(async (tx) => {
        for (const row of rows) {
          const rewritten = cipher.encrypt(cipher.decrypt(row.value, aad), aad);
          // Only if unchanged since read: a concurrent write already used the current key.
          await tx.execute(
            sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${rewritten}
                where id = ${row.id}::uuid and ${sql.identifier(column)} = ${row.value}`,
          );
        }
      });
      count += rows.length;
      after = rows.at(-1)!.id;
    }
    byColumn[`${table}.${column}`] = count;
  }
  return byColumn;
}

/** Adds a new current key to the key file, then re-encrypts every registered column under it. */
export async function rotateDataKey(
  db: Database,
  keyFile: string,
  options: { columns?: readonly EncryptedColumn[]; batchSize?: number; now?: Date } = {},
): Promise<RotationResult> {
  const rotated = withNewCurrentKey(readKeyFile(keyFile), options.now);
  writeKeyFile(keyFile, rotated);
  return resumeRotation(db, keyFile, options);
}

/** Finishes a rotation: re-encrypts what is not yet under the key file's current key. */
export async function resumeRotation(
  db: Database,
  keyFile: string,
  options: { columns?: readonly EncryptedColumn[]; batchSize?: number } = {},
): Promise<RotationResult> {
  const cipher = new FieldCipher(readKeyFile(keyFile));
  const byColumn = await reencryptColumns(db, cipher, options.columns, options.batchSize);
  return { keyId: cipher.currentKeyId, reencrypted: Object.values(byColumn).reduce((sum, n) => sum + n, 0), byColumn };
}

/** How many stored values each key id encrypts, over the registered columns. */
export async function keyUsage(db: Database, columns: readonly EncryptedColumn[] = ENCRYPTED_COLUMNS): Promise<Record<string, number>> {
  const usage: Record<string, number> = {};
  for (const { table, column } of columns) {
    const rows = await queryRows<{ key_id: string | null; count: number }>(
      db,
      sql`select split_part(${sql.identifier(column)}, ':', 2) as key_id, count(*)::int as count
          from ${sql.identifier(table)} where ${sql.identifier(column)} is not null group by 1`,
    );
    for (const row of rows) usage[row.key_id ?? ''] = (usage[row.key_id ?? ''] ?? 0) + row.count;
  }
  return usage;
}

/**
 * Removes from the key file the keys no stored value uses any more (never the current one).
 * Restart every server process first: a process still running with an old current key writes under it.
 */
export async function pruneUnusedKeys(
  db: Database,
  keyFile: string,
  columns: readonly EncryptedColumn[] = ENCRYPTED_COLUMNS,
): Promise<{ removed: string[]; kept: string[] }> {
  const keyring = readKeyFile(keyFile);
  const usage = await keyUsage(db, columns);
  const removed = [...keyring.keys.keys()].filter((id) => id !== keyring.current && !usage[id]);
  if (removed.length === 0) return { removed, kept: [...keyring.keys.keys()] };
  const kept: Keyring = { ...keyring, keys: new Map([...keyring.keys].filter(([id]) => !removed.includes(id))) };
  writeKeyFile(keyFile, kept);
  return { removed, kept: [...kept.keys.keys()] };
}
