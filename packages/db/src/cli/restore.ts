import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { restoreDatabase } from '../backup.ts';
import { createDatabase, migrateDatabase } from '../client.ts';

// npm run db:restore -- <file>   restores into a NEW database: an empty ATMIS_DATA_DIR (embedded)
// or an empty PostgreSQL database named by DATABASE_URL. Migrations are applied first.
const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.error('Cách dùng: npm run db:restore -- <tệp sao lưu>');
  process.exit(2);
}
const dataDir = path.resolve(process.env.ATMIS_DATA_DIR ?? 'data');
if (!process.env.DATABASE_URL && existsSync(dataDir) && readdirSync(dataDir).length > 0) {
  console.error(`Thư mục dữ liệu ${dataDir} không trống. Đặt ATMIS_DATA_DIR tới một thư mục mới để khôi phục.`);
  process.exit(2);
}
const handle = await createDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
try {
  await migrateDatabase(handle);
  const result = await restoreDatabase(handle, path.resolve(file));
  console.log(`Đã khôi phục vào CSDL ${handle.engine} (${handle.location})`);
  for (const [table, count] of Object.entries(result.tables)) console.log(`  ${table}: ${count}`);
} catch (error) {
  console.error(`Khôi phục thất bại: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
