import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createDatabase, migrateDatabase, type DatabaseHandle } from '@atmis/db';
import { backupDatabase, restoreDatabase } from '@atmis/db/backup';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../testing/database-fingerprint.ts';
import { openTestDatabase } from '../../testing/test-app.ts';
import { verifyAuditChain } from '../audit/audit-log.ts';

let source: DatabaseHandle;
const file = path.join(tmpdir(), `atmis-backup-test-${process.pid}.atmis.gz`);

/** A brand-new empty database of the engine under test (a new PostgreSQL database, or PGlite in memory). */
async function freshDatabase(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  if (!process.env.DATABASE_URL) return { handle: await createDatabase({ dataDir: 'memory://' }), drop: async () => {} };
  const name = `atmis_restore_${process.pid}_${Date.now()}`;
  await source.db.execute(sql.raw(`create database ${name}`));
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  const handle = await createDatabase({ databaseUrl: url.toString(), maxConnections: 2 });
  return {
    handle,
    drop: async () => {
      await handle.close();
      await source.db.execute(sql.raw(`drop database if exists ${name}`));
    },
  };
}

beforeAll(async () => {
  source = await openTestDatabase();
});
afterAll(() => source.close());

describe('backup and restore', () => {
  it('restores every row into a new database, with a valid audit chain', async () => {
    const backup = await backupDatabase(source, file);
    expect(backup.tables.org_units).toBeGreaterThan(14_000);
    expect(backup.tables).not.toHaveProperty('sessions');
    const target = await freshDatabase();
    try {
      await migrateDatabase(target.handle);
      const restored = await restoreDatabase(target.handle, file);
      expect(restored.tables).toEqual(backup.tables);
      expect(await databaseFingerprint(target.handle.db)).toEqual(await databaseFingerprint(source.db));
      expect(await verifyAuditChain(target.handle.db)).toMatchObject({ isValid: true });
      // New rows continue the identity sequence after the restored ones.
      await expect(restoreDatabase(target.handle, file)).rejects.toThrow(/không trống/);
    } finally {
      await target.drop();
    }
  });

  it('refuses a file that is not an ATMIS backup, writing nothing', async () => {
    const bogus = path.join(tmpdir(), `atmis-bogus-${process.pid}.gz`);
    writeFileSync(bogus, gzipSync('{"format":"something-else"}\n'));
    const target = await freshDatabase();
    try {
      await migrateDatabase(target.handle);
      await expect(restoreDatabase(target.handle, bogus)).rejects.toThrow(/không phải bản sao lưu/);
    } finally {
      await target.drop();
    }
  });
});
