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
  const list = (ids: string[]) => (ids.length ? ids.join(', ') : '(không có)');
  console.log(
    [
      '',
      'QUAN TRỌNG: bản sao lưu KHÔNG chứa khóa. Không có tệp khóa, dữ liệu nạn nhân đã mã hóa không đọc được và nhật ký không kiểm chứng được.',
      'Hãy sao lưu riêng (nơi an toàn, tách khỏi bản sao lưu CSDL) tệp khóa dữ liệu (ATMIS_DATA_KEYS_FILE hoặc <thư mục dữ liệu>/keys/data-keys.json),',
      'tệp khóa nhật ký (audit-key.json bên cạnh) và tệp điểm kiểm tra nhật ký (<thư mục dữ liệu>/audit-checkpoints.jsonl). Xem docs/operations.md.',
      `  Khóa dữ liệu cần có: ${list(result.keys.data)}`,
      `  Khóa nhật ký cần có: ${list(result.keys.audit)}`,
    ].join('\n'),
  );
} finally {
  await handle.close();
}
