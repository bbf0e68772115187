import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { migrateDatabase, type DatabaseHandle } from '@atmis/db';
import { backupDatabase, restoreDatabase } from '@atmis/db/backup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../testing/database-fingerprint.ts';
import { createFreshDatabase } from '../../testing/fresh-database.ts';
import { openTestDatabase } from '../../testing/test-app.ts';
import { verifyAuditChain } from '../audit/audit-log.ts';

let source: DatabaseHandle;
const file = path.join(tmpdir(), `atmis-backup-test-${process.pid}.atmis.gz`);

beforeAll(async () => {
  source = await openTestDatabase();
});
afterAll(() => source.close());

describe('backup and restore', () => {
  it('restores every row into a new database, with a valid audit chain', async () => {
    const backup = await backupDatabase(source, file);
    expect(backup.tables.org_units).toBeGreaterThan(14_000);
    expect(backup.tables).not.toHaveProperty('sessions');
    const target = await createFreshDatabase();
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
    const target = await createFreshDatabase();
    try {
      await migrateDatabase(target.handle);
      await expect(restoreDatabase(target.handle, bogus)).rejects.toThrow(/không phải bản sao lưu/);
    } finally {
      await target.drop();
    }
  });
});
