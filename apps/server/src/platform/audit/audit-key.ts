import { createHmac, randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../../config.ts';
import { keyFileLocation } from '../crypto/keyring-file.ts';

/**
 * The audit key: an HMAC-SHA256 key, kept outside the database beside the field-encryption key file
 * (`<key dir>/audit-key.json`, or `ATMIS_AUDIT_KEY_FILE`), as `{ "id": "…", "key": "<32 bytes base64>" }`.
 * Generated on first start in demo mode; production refuses to start without it. Whoever controls the
 * database alone cannot recompute a keyed chain, and the signed checkpoints (audit-checkpoints.jsonl)
 * reveal a truncated tail (docs/operations.md, "Nhật ký kiểm toán").
 */
export interface AuditKey {
  id: string;
  key: Buffer;
}

export class AuditKeyError extends Error {}

const KEY_ID = /^[A-Za-z0-9_-]{1,40}$/;
export const AUDIT_KEY_FILE_NAME = 'audit-key.json';
export const AUDIT_CHECKPOINTS_FILE_NAME = 'audit-checkpoints.jsonl';

export interface AuditKeyLocation {
  path: string;
  generateIfMissing: boolean;
}

export function auditKeyLocation(config: Pick<AppConfig, 'mode' | 'dataDir'>, env: NodeJS.ProcessEnv = process.env): AuditKeyLocation {
  const configured = env.ATMIS_AUDIT_KEY_FILE?.trim();
  if (configured) return { path: path.resolve(configured), generateIfMissing: false };
  // Beside the data key file (production: the directory of ATMIS_DATA_KEYS_FILE; throws without it).
  const dataKeys = keyFileLocation(config, env);
  return { path: path.join(path.dirname(dataKeys.path), AUDIT_KEY_FILE_NAME), generateIfMissing: dataKeys.generateIfMissing };
}

export function auditCheckpointsPath(config: Pick<AppConfig, 'dataDir'>, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.ATMIS_AUDIT_CHECKPOINTS_FILE?.trim();
  return configured ? path.resolve(configured) : path.join(config.dataDir, AUDIT_CHECKPOINTS_FILE_NAME);
}

export function parseAuditKey(content: unknown, filePath: string): AuditKey {
  const { id, key } = (content ?? {}) as { id?: unknown; key?: unknown };
  if (typeof id !== 'string' || !KEY_ID.test(id)) {
    throw new AuditKeyError(`Tệp khóa nhật ký ${filePath} không hợp lệ: thiếu "id" (chữ, số, "-", "_", tối đa 40 ký tự).`);
  }
  const bytes = typeof key === 'string' ? Buffer.from(key, 'base64') : Buffer.alloc(0);
  if (bytes.length !== 32) throw new AuditKeyError(`Tệp khóa nhật ký ${filePath} không hợp lệ: "key" phải là khóa 32 byte mã hóa base64.`);
  return { id, key: bytes };
}

export function readAuditKeyFile(filePath: string): AuditKey {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AuditKeyError(
        `Không có tệp khóa nhật ký kiểm toán ${filePath}. Tạo tệp JSON { "id": "audit-1", "key": "<32 byte base64, ví dụ: openssl rand -base64 32>" }, ` +
          'quyền đọc 0600, lưu ngoài CSDL và sao lưu cùng tệp khóa dữ liệu (xem docs/operations.md, mục "Nhật ký kiểm toán").',
      );
    }
    throw new AuditKeyError(`Không đọc được tệp khóa nhật ký kiểm toán ${filePath}: ${(error as Error).message}.`);
  }
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch {
    throw new AuditKeyError(`Tệp khóa nhật ký kiểm toán ${filePath} không phải JSON hợp lệ.`);
  }
  return parseAuditKey(content, filePath);
}

export function generateAuditKey(): AuditKey {
  return { id: `audit-${randomBytes(4).toString('hex')}`, key: randomBytes(32) };
}

function createIfMissing(filePath: string): void {
  mkdirSync(path.dirname(filePath), { recursive: true, mode: 0o700 });
  const generated = generateAuditKey();
  const temporary = `${filePath}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ id: generated.id, key: generated.key.toString('base64') }, null, 2)}\n`, {
    mode: 0o600,
    flag: 'wx',
  });
  try {
    chmodSync(temporary, 0o600);
    linkSync(temporary, filePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
}

export function loadAuditKey(location: AuditKeyLocation): AuditKey {
  if (location.generateIfMissing) {
    try {
      return readAuditKeyFile(location.path);
    } catch (error) {
      if (!(error instanceof AuditKeyError) || !/^Không có tệp/.test(error.message)) throw error;
    }
    createIfMissing(location.path);
  }
  return readAuditKeyFile(location.path);
}

// ---- Signed checkpoints -------------------------------------------------------------------------

/** One line of audit-checkpoints.jsonl: the chain's last event at `writtenAt`, HMAC-signed with the audit key. */
export interface AuditCheckpoint {
  seq: number;
  hash: string;
  keyId: string;
  writtenAt: string;
  mac: string;
}

function checkpointMac(key: Buffer, checkpoint: Omit<AuditCheckpoint, 'mac'>): string {
  const content = `atmis-audit-checkpoint\n${checkpoint.seq}\n${checkpoint.hash}\n${checkpoint.keyId}\n${checkpoint.writtenAt}`;
  return createHmac('sha256', key).update(content).digest('hex');
}

export function signCheckpoint(key: AuditKey, seq: number, hash: string, writtenAt: Date): AuditCheckpoint {
  const unsigned = { seq, hash, keyId: key.id, writtenAt: writtenAt.toISOString() };
  return { ...unsigned, mac: checkpointMac(key.key, unsigned) };
}

export function checkpointSignatureIsValid(key: AuditKey, checkpoint: AuditCheckpoint): boolean {
  if (checkpoint.keyId !== key.id) return false;
  return checkpointMac(key.key, checkpoint) === checkpoint.mac;
}

export function appendCheckpoint(filePath: string, checkpoint: AuditCheckpoint): void {
  mkdirSync(path.dirname(filePath), { recursive: true, mode: 0o700 });
  appendFileSync(filePath, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
}

export interface CheckpointFile {
  checkpoints: AuditCheckpoint[];
  /** Line numbers (1-based) that are not a checkpoint at all. */
  malformedLines: number[];
}

/** Reads the checkpoint file; a missing file is an empty list. */
export function readCheckpoints(filePath: string): CheckpointFile {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { checkpoints: [], malformedLines: [] };
    throw error;
  }
  const checkpoints: AuditCheckpoint[] = [];
  const malformedLines: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      const value = JSON.parse(line) as Partial<AuditCheckpoint>;
      if (
        typeof value.seq === 'number' &&
        typeof value.hash === 'string' &&
        typeof value.keyId === 'string' &&
        typeof value.writtenAt === 'string' &&
        typeof value.mac === 'string'
      ) {
        checkpoints.push(value as AuditCheckpoint);
        return;
      }
    } catch {
      // falls through
    }
    malformedLines.push(index + 1);
  });
  return { checkpoints, malformedLines };
}
