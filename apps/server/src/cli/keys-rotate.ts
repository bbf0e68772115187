import { createDatabase } from '@atmis/db';
import { loadConfig } from '../config.ts';
import { recordAudit } from '../platform/audit/audit-log.ts';
import { keyFileLocation, loadKeyring } from '../platform/crypto/keyring-file.ts';
import { keyUsage, pruneUnusedKeys, resumeRotation, rotateDataKey, type RotationResult } from '../platform/crypto/rotation.ts';

// npm run keys:rotate                 — adds a new data key, makes it current, re-encrypts every encrypted column.
// npm run keys:rotate -- --resume     — finishes an interrupted rotation (re-encrypts what is not under the current key).
// npm run keys:rotate -- --prune      — removes from the key file the keys no stored value uses any more.
// npm run keys:rotate -- --status     — how many values each key encrypts.
// The key file is ATMIS_DATA_KEYS_FILE (or, in demo mode, <ATMIS_DATA_DIR>/keys/data-keys.json). Back it up
// before and after: without it the encrypted data cannot be read (docs/operations.md).
const args = new Set(process.argv.slice(2));
const known = ['--resume', '--prune', '--status'];
const unknown = [...args].filter((arg) => !known.includes(arg));
if (unknown.length > 0 || args.size > 1) {
  console.error(`Tham số không hợp lệ: ${[...args].join(' ')}. Dùng một trong: (không tham số), ${known.join(', ')}.`);
  process.exit(2);
}

const config = loadConfig();
let location: ReturnType<typeof keyFileLocation>;
try {
  location = keyFileLocation(config);
  // Reading first also creates the demo key file when there is none yet.
  loadKeyring(location);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const handle = await createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const context = { actorUserId: null, actorUsername: 'system', ip: null, userAgent: 'keys:rotate' };

function report(result: RotationResult, verb: string) {
  console.log(`${verb}: khóa hiện hành ${result.keyId}; đã mã hóa lại ${result.reencrypted} giá trị.`);
  for (const [column, count] of Object.entries(result.byColumn)) if (count > 0) console.log(`  ${column}: ${count}`);
}

try {
  if (args.has('--status')) {
    const usage = await keyUsage(handle.db);
    const keyring = loadKeyring(location);
    console.log(`Tệp khóa: ${location.path}; khóa hiện hành: ${keyring.current}`);
    for (const id of keyring.keys.keys()) console.log(`  ${id}: ${usage[id] ?? 0} giá trị${id === keyring.current ? ' (hiện hành)' : ''}`);
    for (const id of Object.keys(usage).filter((id) => !keyring.keys.has(id))) {
      console.log(`  ${id}: ${usage[id]} giá trị — KHÔNG CÓ trong tệp khóa, không giải mã được!`);
    }
  } else if (args.has('--prune')) {
    const { removed, kept } = await pruneUnusedKeys(handle.db, location.path);
    console.log(removed.length ? `Đã gỡ khóa không còn dùng: ${removed.join(', ')}.` : 'Không có khóa nào để gỡ.');
    console.log(`Còn lại: ${kept.join(', ')}.`);
    await handle.db.transaction((tx) =>
      recordAudit(tx, context, { action: 'data_keys.rotated', entityType: 'data_keys', details: { step: 'prune', removed, kept } }),
    );
  } else {
    const resume = args.has('--resume');
    const result = resume ? await resumeRotation(handle.db, location.path) : await rotateDataKey(handle.db, location.path);
    report(result, resume ? 'Đã hoàn tất xoay khóa' : 'Đã xoay khóa');
    await handle.db.transaction((tx) =>
      recordAudit(tx, context, {
        action: 'data_keys.rotated',
        entityType: 'data_keys',
        details: { step: resume ? 'resume' : 'rotate', keyId: result.keyId, reencrypted: result.reencrypted },
      }),
    );
    console.log('Hãy sao lưu lại tệp khóa ngay (tệp đã có khóa mới). Khởi động lại máy chủ rồi chạy --prune để gỡ khóa cũ.');
  }
} catch (error) {
  console.error(`Xoay khóa thất bại: ${(error as Error).message}`);
  console.error('Tệp khóa vẫn giữ mọi khóa cũ; chạy lại với --resume để hoàn tất.');
  process.exitCode = 1;
} finally {
  await handle.close();
}
