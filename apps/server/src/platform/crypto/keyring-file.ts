import { chmodSync, linkSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../../config.ts';
import { FieldCipher, generateKeyring, KeyringError, parseKeyFile, serializeKeyring, type Keyring } from './field-cipher.ts';

/**
 * Where the data keys live: the file named by `ATMIS_DATA_KEYS_FILE`; in demo mode only, a file
 * generated on first start at `<dataDir>/keys/data-keys.json` (mode 0600). Production refuses to
 * start without a key file. The keys are never stored in the database: a database backup without the
 * key file cannot be read, and losing the key file loses the encrypted data (docs/operations.md).
 */
export const DEMO_KEY_FILE = path.join('keys', 'data-keys.json');

export const MISSING_PRODUCTION_KEYS_MESSAGE =
  'Chế độ production: chưa có khóa mã hóa dữ liệu. Đặt ATMIS_DATA_KEYS_FILE trỏ tới tệp khóa (JSON { current, keys, indexKey }) ' +
  'lưu ngoài CSDL, quyền đọc 0600, và sao lưu tệp này riêng với CSDL (xem docs/operations.md, mục "Khóa mã hóa dữ liệu").';

export interface KeyFileLocation {
  path: string;
  /** Generated when missing (demo mode without ATMIS_DATA_KEYS_FILE). */
  generateIfMissing: boolean;
}

/** The key file a deployment uses; throws the Vietnamese start-up error in production without one. */
export function keyFileLocation(config: Pick<AppConfig, 'mode' | 'dataDir'>, env: NodeJS.ProcessEnv = process.env): KeyFileLocation {
  const configured = env.ATMIS_DATA_KEYS_FILE?.trim();
  if (configured) return { path: path.resolve(configured), generateIfMissing: false };
  if (config.mode === 'production') throw new KeyringError(MISSING_PRODUCTION_KEYS_MESSAGE);
  return { path: path.join(config.dataDir, DEMO_KEY_FILE), generateIfMissing: true };
}

export function readKeyFile(filePath: string): Keyring {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'không tồn tại' : String((error as Error).message);
    throw new KeyringError(`Không đọc được tệp khóa mã hóa dữ liệu ${filePath}: ${reason}.`);
  }
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch {
    throw new KeyringError(`Tệp khóa mã hóa dữ liệu ${filePath} không phải JSON hợp lệ.`);
  }
  try {
    return parseKeyFile(content);
  } catch (error) {
    throw new KeyringError(`Tệp khóa mã hóa dữ liệu ${filePath} không hợp lệ: ${(error as Error).message}`);
  }
}

function temporaryPath(filePath: string): string {
  return `${filePath}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`;
}

/** Replaces the key file atomically (write beside it, then rename), readable by the owner only. */
export function writeKeyFile(filePath: string, keyring: Keyring): void {
  mkdirSync(path.dirname(filePath), { recursive: true, mode: 0o700 });
  const temporary = temporaryPath(filePath);
  writeFileSync(temporary, `${JSON.stringify(serializeKeyring(keyring), null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(temporary, 0o600);
  renameSync(temporary, filePath);
}

/**
 * Creates the key file only if there is none (several processes may start at once: the first link
 * wins, the others read the winner's file).
 */
function createKeyFileIfMissing(filePath: string): void {
  mkdirSync(path.dirname(filePath), { recursive: true, mode: 0o700 });
  const temporary = temporaryPath(filePath);
  writeFileSync(temporary, `${JSON.stringify(serializeKeyring(generateKeyring()), null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    chmodSync(temporary, 0o600);
    linkSync(temporary, filePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
}

export function loadKeyring(location: KeyFileLocation): Keyring {
  if (location.generateIfMissing) {
    try {
      return readKeyFile(location.path);
    } catch (error) {
      if (!(error instanceof KeyringError) || !/không tồn tại/.test(error.message)) throw error;
    }
    createKeyFileIfMissing(location.path);
  }
  return readKeyFile(location.path);
}

/** The cipher of a running server, re-reading its key file when it meets a key it does not hold. */
export function createFieldCipher(config: Pick<AppConfig, 'mode' | 'dataDir'>, env: NodeJS.ProcessEnv = process.env): FieldCipher {
  const location = keyFileLocation(config, env);
  const keyring = loadKeyring(location);
  let seen = modifiedAt(location.path);
  return new FieldCipher(keyring, {
    reload: () => readKeyFile(location.path),
    changed: () => {
      const now = modifiedAt(location.path);
      if (now === null || now === seen) return null;
      seen = now;
      try {
        return readKeyFile(location.path);
      } catch {
        return null;
      }
    },
  });
}

function modifiedAt(filePath: string): number | null {
  try {
    const stat = statSync(filePath);
    return stat.mtimeMs + stat.ino;
  } catch {
    return null;
  }
}
