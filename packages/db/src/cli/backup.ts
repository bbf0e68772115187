import path from 'node:path';
import { backupDatabase } from '../backup.ts';
import { createDatabase } from '../client.ts';

// npm run db:backup -- [file]   (uses DATABASE_URL or ATMIS_DATA_DIR like the server; stop the
// server first when on the embedded engine, whose data directory only one process may open)
const file = path.resolve(process.argv[2] ?? `backups/atmis-${new Date().toISOString().replace(/[:.]/g, '-')}.atmis.gz`);
const { mkdirSync } = await import('node:fs');
mkdirSync(path.dirname(file), { recursive: true });
const handle = await createDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: path.resolve(process.env.ATMIS_DATA_DIR ?? 'data') });
try {
  const result = await backupDatabase(handle, file);
  console.log(`Đã sao lưu CSDL ${handle.engine} vào ${file}`);
  for (const [table, count] of Object.entries(result.tables)) console.log(`  ${table}: ${count}`);
} finally {
  await handle.close();
}
