import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
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
      const app = await buildApp({ database: handle, config });
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
