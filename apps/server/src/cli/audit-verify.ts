import { createDatabase } from '@atmis/db';
import { auditCheckpointsPath, auditKeyLocation, readAuditKeyFile, readCheckpoints } from '../platform/audit/audit-key.ts';
import { verifyAuditChain, type ChainVerification } from '../platform/audit/audit-log.ts';
import { loadConfig } from '../config.ts';

// npm run audit:verify   — walks the whole audit chain (keyed with the audit key) and checks it against the
// signed checkpoints in <data dir>/audit-checkpoints.jsonl; exit code 1 when it is broken.
const config = loadConfig();
const checkpointsFile = auditCheckpointsPath(config);

const PROBLEMS: Record<NonNullable<ChainVerification['problem']>, string> = {
  prev_hash_mismatch: 'liên kết tới sự kiện trước bị sai (sự kiện bị xóa hoặc chèn)',
  hash_mismatch: 'nội dung không khớp mã băm (sự kiện bị sửa)',
  unknown_audit_key: 'được ký bằng khóa nhật ký không có trong tệp khóa',
  unkeyed_after_keyed: 'dùng mã băm không khóa sau khi chuỗi đã chuyển sang mã băm có khóa (chuỗi bị tính lại)',
  checkpoint_signature_invalid: 'chữ ký của điểm kiểm tra không hợp lệ (tệp điểm kiểm tra bị sửa hoặc sai khóa)',
  checkpoint_missing_event: 'không còn trong CSDL dù điểm kiểm tra đã ghi nhận (phần cuối nhật ký bị xóa)',
  checkpoint_hash_mismatch: 'khác mã băm mà điểm kiểm tra đã ghi nhận (chuỗi bị viết lại)',
};

const key = readAuditKeyFile(auditKeyLocation(config).path);
const { checkpoints, malformedLines } = readCheckpoints(checkpointsFile);
const handle = await createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const result = await verifyAuditChain(handle.db, { key, checkpoints });
  if (malformedLines.length > 0) {
    console.error(`Tệp điểm kiểm tra ${checkpointsFile} có dòng hỏng: ${malformedLines.join(', ')}.`);
    process.exitCode = 1;
  }
  if (result.isValid) {
    console.log(
      `Chuỗi nhật ký toàn vẹn: đã kiểm tra ${result.checked} sự kiện và ${result.checkpointsChecked ?? 0} điểm kiểm tra (${checkpointsFile}).`,
    );
    if (checkpoints.length === 0)
      console.warn(`Chú ý: chưa có điểm kiểm tra nào trong ${checkpointsFile}; không phát hiện được việc xóa phần cuối.`);
  } else {
    const where = result.checkpoint
      ? ` — điểm kiểm tra ghi lúc ${result.checkpoint.writtenAt} (sự kiện số ${result.checkpoint.seq}, mã băm ${result.checkpoint.hash}) trong ${checkpointsFile}`
      : '';
    console.error(
      `Chuỗi nhật ký bị phá vỡ tại sự kiện số ${result.firstBrokenSeq}: ${PROBLEMS[result.problem!]} (${result.problem})${where}; ` +
        `${result.checked} sự kiện trước đó hợp lệ.`,
    );
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
