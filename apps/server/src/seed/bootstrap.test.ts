import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { generateKeyring } from '../platform/crypto/field-cipher.ts';
import { writeKeyFile } from '../platform/crypto/keyring-file.ts';
import { createFreshDatabase } from '../testing/fresh-database.ts';
import { Agent } from '../testing/test-app.ts';
import { bootstrapDatabase } from './bootstrap.ts';

// Production bootstrap on a brand-new database of the engine under test.
describe('production mode', () => {
  it('refuses to start without an initial administrator, and creates no demo accounts', async () => {
    const { handle, drop } = await createFreshDatabase();
    try {
      await expect(bootstrapDatabase(handle, { mode: 'production', initialAdmin: undefined })).rejects.toThrow(/ATMIS_ADMIN_USERNAME/);
    } finally {
      await drop();
    }
  });

  it('creates the initial administrator, who must change the password and set up the second factor', async () => {
    const { handle, drop } = await createFreshDatabase();
    try {
      const config = {
        ...loadConfig({ NODE_ENV: 'production', ATMIS_ADMIN_USERNAME: 'quantri', ATMIS_ADMIN_PASSWORD: 'Khởi-Tạo-2026!' }),
        webDistDir: undefined,
      };
      expect(config).toMatchObject({ mode: 'production', enforceSecondFactor: true, secureCookies: true });
      await bootstrapDatabase(handle, config);
      // Production needs its data key file (docs/operations.md).
      const keyFile = path.join(mkdtempSync(path.join(tmpdir(), 'atmis-keys-')), 'data-keys.json');
      writeKeyFile(keyFile, generateKeyring());
      vi.stubEnv('ATMIS_DATA_KEYS_FILE', keyFile);
      const app = await buildApp({ database: handle, config }).finally(() => vi.unstubAllEnvs());
      try {
        expect((await new Agent(app).login('admin', 'Demo@2026')).statusCode).toBe(401);
        const admin = new Agent(app);
        const login = await admin.login('quantri', 'Khởi-Tạo-2026!');
        expect(login.statusCode).toBe(200);
        expect(login.cookies.find((c) => c.name === 'atmis_session')?.secure).toBe(true);
        expect(admin.me).toMatchObject({ user: { mustChangePassword: true }, secondFactorRequired: true });
        expect((await admin.get('/api/v1/users')).json()).toMatchObject({ code: 'auth.password_change_required' });
      } finally {
        await app.close();
      }
    } finally {
      await drop();
    }
  });
});
