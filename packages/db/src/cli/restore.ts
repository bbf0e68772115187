import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { heldKeyIds, keyFilePaths, missingKeyIds, restoreDatabase } from '../backup.ts';
import { createDatabase, migrateDatabase } from '../client.ts';

// npm run db:restore -- <file>   restores into a NEW database: an empty ATMIS_DATA_DIR (embedded; it may
// already hold the key files under keys/) or an empty PostgreSQL database named by DATABASE_URL.
// Migrations are applied first; then the key files at the target must hold every key the backup needs.
const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.error('Cách dùng: npm run db:restore -- <tệp sao lưu>');
  process.exit(2);
}
const dataDir = path.resolve(process.env.ATMIS_DATA_DIR ?? 'data');
if (!process.env.DATABASE_URL && existsSync(dataDir) && readdirSync(dataDir).some((entry) => entry !== 'keys')) {
  console.error(`Thư mục dữ liệu ${dataDir} không trống. Đặt ATMIS_DATA_DIR tới một thư mục mới để khôi phục.`);
  process.exit(2);
}
const handle = await createDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
try {
  await migrateDatabase(handle);
  const result = await restoreDatabase(handle, path.resolve(file));
  console.log(`Đã khôi phục vào CSDL ${handle.engine} (${handle.location})`);
  for (const [table, count] of Object.entries(result.tables)) console.log(`  ${table}: ${count}`);
  if (!result.keys) {
    console.warn('Bản sao lưu không ghi danh sách khóa cần có (bản cũ): hãy tự kiểm tra tệp khóa trước khi chạy máy chủ.');
  } else {
    const files = keyFilePaths(dataDir);
    const missing = missingKeyIds(result.keys, heldKeyIds(files));
    if (missing.data.length > 0 || missing.audit.length > 0) {
      if (missing.data.length > 0) console.error(`Thiếu khóa dữ liệu ${missing.data.join(', ')} trong tệp khóa ${files.data}.`);
      if (missing.audit.length > 0) console.error(`Thiếu khóa nhật ký ${missing.audit.join(', ')} trong tệp khóa ${files.audit}.`);
      console.error(
        'Hãy chép tệp khóa của hệ thống đã sao lưu vào đúng vị trí trên trước khi chạy máy chủ (máy chủ sẽ từ chối khởi động khi thiếu khóa; xem docs/operations.md).',
      );
      process.exitCode = 1;
    } else {
      console.log(`Tệp khóa đủ mọi khóa bản sao lưu cần (${files.data}, ${files.audit}).`);
    }
  }
} catch (error) {
  console.error(`Khôi phục thất bại: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
