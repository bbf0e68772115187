import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrateDatabase, queryRows, type DatabaseHandle } from '@atmis/db';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshDatabase } from '../../testing/fresh-database.ts';
import { ENCRYPTED_COLUMNS } from './encrypted-columns.ts';
import { columnAad, FieldCipher, generateKeyring, keyIdOf, withNewCurrentKey } from './field-cipher.ts';
import { readKeyFile, writeKeyFile } from './keyring-file.ts';
import { keyUsage, pruneUnusedKeys, reencryptColumns, resumeRotation, rotateDataKey } from './rotation.ts';

/** Two probe columns in a table of their own, so that the test owns every value it rotates. */
const PROBE = [
  { table: 'crypto_probe', column: 'secret_enc' },
  { table: 'crypto_probe', column: 'note_enc' },
];

let fresh: { handle: DatabaseHandle; drop: () => Promise<void> };
let keyFile: string;
const plaintexts = new Map<string, { secret: string; note: string | null }>();

beforeAll(async () => {
  fresh = await createFreshDatabase();
  await migrateDatabase(fresh.handle);
  await fresh.handle.db.execute(sql`create table crypto_probe (id uuid primary key, secret_enc text not null, note_enc text)`);
  keyFile = path.join(mkdtempSync(path.join(tmpdir(), 'atmis-rotation-')), 'data-keys.json');
  writeKeyFile(keyFile, generateKeyring());
  const cipher = new FieldCipher(readKeyFile(keyFile));
  for (let i = 0; i < 230; i += 1) {
    const id = uuidv7();
    const secret = `0${String(10_000_000_000 + i)}`;
    const note = i % 3 === 0 ? null : `Ghi chú số ${i}: nạn nhân ở xã Hòa Bình`;
    plaintexts.set(id, { secret, note });
    await fresh.handle.db.execute(
      sql`insert into crypto_probe (id, secret_enc, note_enc) values (${id}::uuid, ${cipher.encrypt(secret, columnAad('crypto_probe', 'secret_enc'))}, ${
        note === null ? null : cipher.encrypt(note, columnAad('crypto_probe', 'note_enc'))
      })`,
    );
  }
}, 120_000);
afterAll(() => fresh?.drop());

async function readAll() {
  return queryRows<{ id: string; secret_enc: string; note_enc: string | null }>(
    fresh.handle.db,
    sql`select id::text as id, secret_enc, note_enc from crypto_probe order by id`,
  );
}

describe('key rotation', () => {
  it('re-encrypts every value under a new current key, in batches; the old key can then be removed', async () => {
    const oldKeyId = readKeyFile(keyFile).current;
    const result = await rotateDataKey(fresh.handle.db, keyFile, { columns: PROBE, batchSize: 50 });
    expect(result.keyId).not.toBe(oldKeyId);
    expect(result.byColumn).toEqual({ 'crypto_probe.secret_enc': 230, 'crypto_probe.note_enc': 153 });
    expect(readKeyFile(keyFile).current).toBe(result.keyId);
    expect(await keyUsage(fresh.handle.db, PROBE)).toEqual({ [result.keyId]: 383 });

    // Nothing is left for the old key: it is removed from the key file.
    const pruned = await pruneUnusedKeys(fresh.handle.db, keyFile, PROBE);
    expect(pruned.removed).toEqual([oldKeyId]);
    const remaining = readKeyFile(keyFile);
    expect([...remaining.keys.keys()]).toEqual([result.keyId]);

    // The new key alone reads everything, unchanged.
    const cipher = new FieldCipher(remaining);
    for (const row of await readAll()) {
      expect(keyIdOf(row.secret_enc)).toBe(result.keyId);
      expect(cipher.decrypt(row.secret_enc, columnAad('crypto_probe', 'secret_enc'))).toBe(plaintexts.get(row.id)!.secret);
      expect(cipher.decryptNullable(row.note_enc, columnAad('crypto_probe', 'note_enc'))).toBe(plaintexts.get(row.id)!.note);
    }
  });

  it('keeps a key still in use, and finishes an interrupted rotation with resume', async () => {
    const before = readKeyFile(keyFile);
    // Interrupted: the new key is in the file but only the first batch of one column was rewritten.
    const next = withNewCurrentKey(before);
    writeKeyFile(keyFile, next);
    const partial = new FieldCipher(next);
    const [first] = await readAll();
    const aad = columnAad('crypto_probe', 'secret_enc');
    await fresh.handle.db.execute(
      sql`update crypto_probe set secret_enc = ${partial.encrypt(partial.decrypt(first!.secret_enc, aad), aad)} where id = ${first!.id}::uuid`,
    );
    expect((await pruneUnusedKeys(fresh.handle.db, keyFile, PROBE)).removed).toEqual([]);

    const resumed = await resumeRotation(fresh.handle.db, keyFile, { columns: PROBE, batchSize: 64 });
    expect(resumed.keyId).toBe(next.current);
    expect(resumed.byColumn['crypto_probe.secret_enc']).toBe(229);
    expect((await pruneUnusedKeys(fresh.handle.db, keyFile, PROBE)).removed).toEqual([before.current]);
    // A second run finds nothing to do.
    expect(await reencryptColumns(fresh.handle.db, new FieldCipher(readKeyFile(keyFile)), PROBE)).toEqual({
      'crypto_probe.secret_enc': 0,
      'crypto_probe.note_enc': 0,
    });
  });

  it('knows every encrypted column of the schema', async () => {
    // Each registered column exists (keyUsage queries them all) and is a text column of a table keyed by id.
    expect(await keyUsage(fresh.handle.db)).toEqual({});
    for (const { table, column } of ENCRYPTED_COLUMNS) {
      const [row] = await queryRows<{ data_type: string }>(
        fresh.handle.db,
        sql`select data_type from information_schema.columns where table_name = ${table} and column_name = ${column}`,
      );
      expect(row?.data_type, `${table}.${column}`).toBe('text');
    }
  });
});
