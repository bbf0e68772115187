import path from 'node:path';
import { createDatabase } from '@atmis/db';
import { verifyAuditChain } from '../platform/audit/audit-log.ts';

// npm run audit:verify   — walks the whole audit chain; exit code 1 when it is broken.
const handle = await createDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: path.resolve(process.env.ATMIS_DATA_DIR ?? 'data') });
try {
  const result = await verifyAuditChain(handle.db);
  if (result.isValid) {
    console.log(`Chuỗi nhật ký toàn vẹn: đã kiểm tra ${result.checked} sự kiện.`);
  } else {
    console.error(
      `Chuỗi nhật ký bị phá vỡ tại sự kiện số ${result.firstBrokenSeq} (${result.problem}); ${result.checked} sự kiện trước đó hợp lệ.`,
    );
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
