import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createDatabase, migrateDatabase, users, type DatabaseHandle } from '@atmis/db';
import { backupDatabase, heldKeyIds, keyFilePaths, missingKeyIds, restoreDatabase } from '@atmis/db/backup';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../testing/database-fingerprint.ts';
import { createFreshDatabase } from '../../testing/fresh-database.ts';
import { openTestDatabase } from '../../testing/test-app.ts';
import { currentAuditKey, recordAudit, verifyAuditChain } from '../audit/audit-log.ts';
import { columnAad, FieldCipher, generateKeyring, withNewCurrentKey } from '../crypto/field-cipher.ts';
import { keyFileLocation, readKeyFile, writeKeyFile } from '../crypto/keyring-file.ts';
import { loadConfig } from '../../config.ts';
import { checkDatabaseKeys } from '../crypto/startup-key-check.ts';

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

  describe('the key files, which are not in the backup', () => {
    // The deployment's keys (the shared PostgreSQL test database holds values under them) plus a new current one.
    const deployment = keyFileLocation(loadConfig({}));
    const keyring = existsSync(deployment.path) ? withNewCurrentKey(readKeyFile(deployment.path)) : generateKeyring();
    const dataKeyId = keyring.current;

    /** A data directory for a restored server: with the key files copied in, or without. */
    function targetDir(withKeys: boolean) {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'atmis-restore-'));
      const files = keyFilePaths(dataDir, {});
      if (withKeys) {
        writeKeyFile(files.data, keyring);
        const audit = currentAuditKey();
        writeFileSync(files.audit, JSON.stringify({ id: audit.id, key: audit.key.toString('base64') }), { mode: 0o600 });
      }
      return { dataDir, files };
    }

    async function expectKeysChecked(restored: DatabaseHandle, needed: { data: string[]; audit: string[] }) {
      const auditKeyId = currentAuditKey().id;
      // Without the key files: the restore names what is missing, the server refuses to start.
      const bare = targetDir(false);
      expect(missingKeyIds(needed, heldKeyIds(bare.files))).toEqual({ data: needed.data, audit: [auditKeyId] });
      const refusal = checkDatabaseKeys(restored.db, { mode: 'demo', dataDir: bare.dataDir }, {});
      await expect(refusal).rejects.toThrow(/Từ chối khởi động/);
      await expect(refusal).rejects.toThrow(
        new RegExp(`khóa .*${dataKeyId}.*${bare.files.data.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} không tồn tại`),
      );
      await expect(refusal).rejects.toThrow(new RegExp(`khóa nhật ký ${auditKeyId}`));
      // A fresh key file (what a demo start would generate) does not hold the old keys either.
      const fresh = targetDir(false);
      writeKeyFile(fresh.files.data, generateKeyring());
      await expect(checkDatabaseKeys(restored.db, { mode: 'demo', dataDir: fresh.dataDir }, {})).rejects.toThrow(
        new RegExp(`khóa .*${dataKeyId}.*không có các khóa này`),
      );
      // With the original key files: nothing missing, the server starts, the victims' data decrypts.
      const keyed = targetDir(true);
      expect(missingKeyIds(needed, heldKeyIds(keyed.files))).toEqual({ data: [], audit: [] });
      await expect(checkDatabaseKeys(restored.db, { mode: 'demo', dataDir: keyed.dataDir }, {})).resolves.toBeUndefined();
      const [admin] = await restored.db.select({ secret: users.totpSecret }).from(users).where(eq(users.username, 'admin'));
      expect(new FieldCipher(keyring).decrypt(admin!.secret!, columnAad('users', 'totp_secret'))).toBe('JBSWY3DPEHPK3PXP');
      expect(await verifyAuditChain(restored.db)).toMatchObject({ isValid: true });
    }

    it('lets a new, empty database start (first start of a fresh data directory)', async () => {
      const empty = await createDatabase({ dataDir: 'memory://' });
      try {
        await expect(checkDatabaseKeys(empty.db, { mode: 'demo', dataDir: targetDir(false).dataDir }, {})).resolves.toBeUndefined();
      } finally {
        await empty.close();
      }
    });

    it('records the key ids a backup needs and refuses a restored database without them, across engines', async () => {
      const [before] = await source.db.select({ secret: users.totpSecret }).from(users).where(eq(users.username, 'admin'));
      const secret = new FieldCipher(keyring).encrypt('JBSWY3DPEHPK3PXP', columnAad('users', 'totp_secret'));
      await source.db.update(users).set({ totpSecret: secret }).where(eq(users.username, 'admin'));
      await recordAudit(
        source.db,
        { actorUserId: null, actorUsername: 'backup-test', ip: null, userAgent: null },
        {
          action: 'auth.login_succeeded',
          entityType: 'user',
        },
      );
      const first = path.join(tmpdir(), `atmis-backup-keys-${process.pid}.atmis.gz`);
      const second = path.join(tmpdir(), `atmis-backup-keys-2-${process.pid}.atmis.gz`);
      let backup: Awaited<ReturnType<typeof backupDatabase>>;
      try {
        backup = await backupDatabase(source, first);
      } finally {
        await source.db.update(users).set({ totpSecret: before!.secret }).where(eq(users.username, 'admin'));
      }
      expect(backup.keys.data).toContain(dataKeyId);
      expect(backup.keys.audit).toEqual([currentAuditKey().id]);

      // Into the embedded engine (PostgreSQL → PGlite when the suite runs on PostgreSQL).
      const embedded = await createDatabase({ dataDir: 'memory://' });
      try {
        await migrateDatabase(embedded);
        const restored = await restoreDatabase(embedded, first);
        expect(restored.keys).toEqual(backup.keys);
        await expectKeysChecked(embedded, backup.keys);
        // And back: PGlite → the engine under test (PostgreSQL on the PostgreSQL run).
        await backupDatabase(embedded, second);
      } finally {
        await embedded.close();
      }
      const target = await createFreshDatabase();
      try {
        await migrateDatabase(target.handle);
        const restored = await restoreDatabase(target.handle, second);
        expect(restored.keys).toEqual(backup.keys);
        await expectKeysChecked(target.handle, backup.keys);
      } finally {
        await target.drop();
      }
    }, 300_000);
  });
});
