import { createDatabase } from '@atmis/db';
import { loadConfig } from '../config.ts';
import { recordAudit } from '../platform/audit/audit-log.ts';
import { keyFileLocation, loadKeyring } from '../platform/crypto/keyring-file.ts';
import { resumeIndexRebuild, rotateIndexKey, type BlindIndexRebuilder } from '../platform/crypto/index-rotation.ts';
import { keyUsage, pruneUnusedKeys, resumeRotation, rotateDataKey, type RotationResult } from '../platform/crypto/rotation.ts';
import { victimPersonIndexes } from '../modules/victims/index.ts';

// npm run keys:rotate                 — adds a new data key, makes it current, re-encrypts every encrypted column.
// npm run keys:rotate -- --resume     — finishes an interrupted rotation (re-encrypts what is not under the current key,
//                                       and recomputes the blind indexes if an index-key rotation was interrupted).
// npm run keys:rotate -- --index      — a new index key; every blind index (citizen ID, passport, name words) is
//                                       recomputed under it. Stop the servers first: searches miss rows until it ends.
// npm run keys:rotate -- --prune      — removes from the key file the keys no stored value uses any more.
// npm run keys:rotate -- --status     — how many values each key encrypts.
// The key file is ATMIS_DATA_KEYS_FILE (or, in demo mode, <ATMIS_DATA_DIR>/keys/data-keys.json). Back it up
// before and after: without it the encrypted data cannot be read (docs/operations.md).

/** Every module's blind indexes: a module that stores tokens under the index key adds its rebuilder here. */
const BLIND_INDEXES: readonly BlindIndexRebuilder[] = [victimPersonIndexes];

const args = new Set(process.argv.slice(2));
const known = ['--resume', '--prune', '--status', '--index'];
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
    if (keyring.indexRebuildPending) {
      console.log('  Khóa chỉ mục: ĐANG XOAY DỞ — tìm kiếm theo tên, số định danh có thể sót. Chạy --resume để hoàn tất.');
    }
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
  } else if (args.has('--index')) {
    const result = await rotateIndexKey(handle.db, location.path, BLIND_INDEXES);
    console.log(`Đã xoay khóa chỉ mục: đã tính lại chỉ mục của ${result.rebuilt} dòng.`);
    for (const [index, count] of Object.entries(result.byIndex)) console.log(`  ${index}: ${count}`);
    await handle.db.transaction((tx) =>
      recordAudit(tx, context, {
        action: 'data_keys.rotated',
        entityType: 'data_keys',
        details: { step: 'index', rebuilt: result.rebuilt },
      }),
    );
    console.log('Hãy sao lưu lại tệp khóa ngay (tệp đã có khóa chỉ mục mới), rồi khởi động lại máy chủ.');
  } else {
    const resume = args.has('--resume');
    const result = resume ? await resumeRotation(handle.db, location.path) : await rotateDataKey(handle.db, location.path);
    report(result, resume ? 'Đã hoàn tất xoay khóa' : 'Đã xoay khóa');
    const indexes = resume ? await resumeIndexRebuild(handle.db, location.path, BLIND_INDEXES) : null;
    if (indexes && indexes.rebuilt > 0) console.log(`Đã hoàn tất xoay khóa chỉ mục: tính lại chỉ mục của ${indexes.rebuilt} dòng.`);
    await handle.db.transaction((tx) =>
      recordAudit(tx, context, {
        action: 'data_keys.rotated',
        entityType: 'data_keys',
        details: {
          step: resume ? 'resume' : 'rotate',
          keyId: result.keyId,
          reencrypted: result.reencrypted,
          ...(indexes ? { indexRebuilt: indexes.rebuilt } : {}),
        },
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
