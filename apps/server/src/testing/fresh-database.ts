import { createDatabase, type DatabaseHandle } from '@atmis/db';
import { sql } from 'drizzle-orm';

/**
 * A brand-new, empty database of the engine under test: PGlite in memory, or a throwaway
 * PostgreSQL database created beside the shared test database (and dropped by `drop`).
 */
export async function createFreshDatabase(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const handle = await createDatabase({ dataDir: 'memory://' });
    return { handle, drop: () => handle.close() };
  }
  const name = `atmis_fresh_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = await createDatabase({ databaseUrl, maxConnections: 1 });
  await admin.db.execute(sql.raw(`create database ${name}`));
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const handle = await createDatabase({ databaseUrl: url.toString(), maxConnections: 2 });
  return {
    handle,
    drop: async () => {
      await handle.close();
      await admin.db.execute(sql.raw(`drop database if exists ${name}`));
      await admin.close();
    },
  };
}
