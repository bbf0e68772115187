import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  columnAad,
  FieldCipher,
  FieldDecryptionError,
  generateKeyring,
  keyIdOf,
  KeyringError,
  parseKeyFile,
  serializeKeyring,
  withNewCurrentKey,
  withNewIndexKey,
} from './field-cipher.ts';
import {
  createFieldCipher,
  keyFileLocation,
  loadKeyring,
  MISSING_PRODUCTION_KEYS_MESSAGE,
  readKeyFile,
  writeKeyFile,
} from './keyring-file.ts';

const AAD = columnAad('victim_persons', 'citizen_id_enc');
const tempDir = () => mkdtempSync(path.join(tmpdir(), 'atmis-keys-'));

/** Replaces the character at `index` of a base64url string by another one. */
function flip(text: string, index = 0): string {
  const replacement = text[index] === 'A' ? 'B' : 'A';
  return `${text.slice(0, index)}${replacement}${text.slice(index + 1)}`;
}

describe('field cipher', () => {
  const cipher = new FieldCipher(generateKeyring());

  it('round-trips Vietnamese text, empty strings and JSON', () => {
    for (const value of ['012345678901', 'Nguyễn Thị Hoà', '', 'Số 5, ngõ 12, phường Lê Chân, Hải Phòng 🏠']) {
      expect(cipher.decrypt(cipher.encrypt(value, AAD), AAD)).toBe(value);
    }
    const guardian = { fullName: 'Trần Văn Bố', relationship: 'Cha', phone: '+84912345678' };
    expect(cipher.decryptJson(cipher.encryptJson(guardian, AAD), AAD)).toEqual(guardian);
    expect(cipher.encryptNullable(null, AAD)).toBeNull();
    expect(cipher.decryptNullable(null, AAD)).toBeNull();
  });

  it('writes v1:<keyId>:<iv>:<tag>:<data> in base64url, with a fresh IV every time', () => {
    const a = cipher.encrypt('012345678901', AAD);
    const b = cipher.encrypt('012345678901', AAD);
    expect(a).toMatch(/^v1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(keyIdOf(a)).toBe(cipher.currentKeyId);
    expect(a).not.toContain('012345678901');
  });

  it('detects tampering with the data, the tag, the IV or the key id', () => {
    const stored = cipher.encrypt('Lời khai của nạn nhân', AAD);
    const [version, keyId, iv, tag, data] = stored.split(':') as [string, string, string, string, string];
    const tampered = [
      [version, keyId, iv, tag, flip(data)],
      [version, keyId, iv, flip(tag, 3), data],
      [version, keyId, flip(iv, 5), tag, data],
      [version, `${keyId}x`, iv, tag, data],
      [version, keyId, iv, tag, data.slice(0, -2)],
    ];
    for (const parts of tampered) expect(() => cipher.decrypt(parts.join(':'), AAD)).toThrow(FieldDecryptionError);
    expect(() => cipher.decrypt('012345678901', AAD)).toThrow(FieldDecryptionError);
    expect(() => cipher.decrypt(`v2:${keyId}:${iv}:${tag}:${data}`, AAD)).toThrow(FieldDecryptionError);
  });

  it('refuses a ciphertext moved to another column (the AAD is table.column)', () => {
    const stored = cipher.encrypt('012345678901', AAD);
    expect(() => cipher.decrypt(stored, columnAad('victim_persons', 'phone_enc'))).toThrow(FieldDecryptionError);
    expect(() => cipher.decrypt(stored, columnAad('victim_statements', 'citizen_id_enc'))).toThrow(FieldDecryptionError);
  });

  it('does not decrypt with another keyring', () => {
    const stored = cipher.encrypt('012345678901', AAD);
    const other = new FieldCipher({ ...generateKeyring(), current: cipher.currentKeyId });
    expect(() => other.decrypt(stored, AAD)).toThrow(FieldDecryptionError);
  });

  it('reads values of every key it holds and writes with the current one', () => {
    const keyring = generateKeyring();
    const old = new FieldCipher(keyring);
    const stored = old.encrypt('C1234567', AAD);
    const rotated = new FieldCipher(withNewCurrentKey(keyring));
    expect(rotated.currentKeyId).not.toBe(old.currentKeyId);
    expect(rotated.decrypt(stored, AAD)).toBe('C1234567');
    expect(keyIdOf(rotated.encrypt('C1234567', AAD))).toBe(rotated.currentKeyId);
  });

  it('computes blind indexes: stable, normalised, separated by purpose and by index key', () => {
    expect(cipher.blindIndex('012345678901', 'citizen_id')).toBe(cipher.blindIndex(' 012345678901 ', 'citizen_id'));
    expect(cipher.blindIndex('hoa', 'name_word')).toBe(cipher.blindIndex('HOA', 'name_word'));
    expect(cipher.blindIndex('Hoà', 'name_word')).toBe(cipher.blindIndex('Hoa\u0300', 'name_word'));
    expect(cipher.blindIndex('012345678901', 'citizen_id')).not.toBe(cipher.blindIndex('012345678901', 'passport'));
    expect(cipher.blindIndex('012345678901', 'citizen_id')).not.toBe(cipher.blindIndex('012345678902', 'citizen_id'));
    expect(new FieldCipher(generateKeyring()).blindIndex('hoa', 'name_word')).not.toBe(cipher.blindIndex('hoa', 'name_word'));
    expect(cipher.blindIndex('012345678901', 'citizen_id')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('key file', () => {
  it('parses what it serialises and explains what is wrong in Vietnamese', () => {
    const keyring = generateKeyring();
    const parsed = parseKeyFile(JSON.parse(JSON.stringify(serializeKeyring(keyring))));
    expect(parsed.current).toBe(keyring.current);
    expect(parsed.keys.get(keyring.current)!.equals(keyring.keys.get(keyring.current)!)).toBe(true);
    const content = serializeKeyring(keyring);
    expect(() => parseKeyFile([])).toThrow(/đối tượng JSON/);
    expect(() => parseKeyFile({ ...content, keys: {} })).toThrow(/keys/);
    expect(() => parseKeyFile({ ...content, current: 'missing' })).toThrow(/current/);
    expect(() => parseKeyFile({ ...content, indexKey: 'c2hvcnQ=' })).toThrow(/indexKey.*32 byte/);
    expect(() => parseKeyFile({ ...content, keys: { 'bad:id': content.keys[content.current] } })).toThrow(KeyringError);
    expect(() => parseKeyFile({ ...content, indexRebuildPending: 'yes' })).toThrow(/indexRebuildPending/);
  });

  it('a new index key is marked pending until the indexes are rebuilt, and keeps every data key', () => {
    const keyring = withNewCurrentKey(generateKeyring());
    const rotated = withNewIndexKey(keyring);
    expect(rotated.indexKey.equals(keyring.indexKey)).toBe(false);
    expect([...rotated.keys.keys()]).toEqual([...keyring.keys.keys()]);
    expect(rotated.current).toBe(keyring.current);
    const content = serializeKeyring(rotated);
    expect(content.indexRebuildPending).toBe(true);
    expect(parseKeyFile(JSON.parse(JSON.stringify(content))).indexRebuildPending).toBe(true);
    // A later data-key rotation keeps the flag; a finished keyring does not write it at all.
    expect(withNewCurrentKey(rotated).indexRebuildPending).toBe(true);
    expect(Object.keys(serializeKeyring(keyring))).not.toContain('indexRebuildPending');
  });

  it('in demo mode, generates the key file on first start with mode 0600, then reuses it', () => {
    const dataDir = tempDir();
    const location = keyFileLocation({ mode: 'demo', dataDir }, {});
    expect(location.path).toBe(path.join(dataDir, 'keys', 'data-keys.json'));
    const first = loadKeyring(location);
    expect(statSync(location.path).mode & 0o777).toBe(0o600);
    const second = loadKeyring(location);
    expect(second.current).toBe(first.current);
    expect(second.indexKey.equals(first.indexKey)).toBe(true);
    const stored = JSON.parse(readFileSync(location.path, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(stored).sort()).toEqual(['current', 'indexKey', 'keys']);
  });

  it('gives every process starting at once the same keys', () => {
    const dataDir = tempDir();
    const location = keyFileLocation({ mode: 'demo', dataDir }, {});
    const keyrings = Array.from({ length: 5 }, () => loadKeyring(location));
    expect(new Set(keyrings.map((keyring) => keyring.indexKey.toString('hex'))).size).toBe(1);
  });

  it('in production, refuses to start without ATMIS_DATA_KEYS_FILE, and never generates one', () => {
    expect(() => keyFileLocation({ mode: 'production', dataDir: tempDir() }, {})).toThrow(MISSING_PRODUCTION_KEYS_MESSAGE);
    expect(MISSING_PRODUCTION_KEYS_MESSAGE).toMatch(/ATMIS_DATA_KEYS_FILE/);
    const missing = path.join(tempDir(), 'none.json');
    expect(() => createFieldCipher({ mode: 'production', dataDir: tempDir() }, { ATMIS_DATA_KEYS_FILE: missing })).toThrow(
      /Không đọc được tệp khóa.*không tồn tại/,
    );
    const invalid = path.join(tempDir(), 'invalid.json');
    writeFileSync(invalid, '{ not json');
    expect(() => readKeyFile(invalid)).toThrow(/không phải JSON hợp lệ/);
  });

  it('uses ATMIS_DATA_KEYS_FILE in any mode, and picks up a key added while running', () => {
    const file = path.join(tempDir(), 'keys.json');
    const keyring = generateKeyring();
    writeKeyFile(file, keyring);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const running = createFieldCipher({ mode: 'production', dataDir: tempDir() }, { ATMIS_DATA_KEYS_FILE: file });
    expect(running.currentKeyId).toBe(keyring.current);
    // A rotation in another process adds a key and re-encrypts a value with it.
    const rotated = withNewCurrentKey(keyring);
    writeKeyFile(file, rotated);
    const rewritten = new FieldCipher(rotated).encrypt('0987654321', AAD);
    expect(running.decrypt(rewritten, AAD)).toBe('0987654321');
    // And the running server writes new values under the new current key.
    expect(keyIdOf(running.encrypt('0987654321', AAD))).toBe(rotated.current);
    // A new index key: the running server's lookups use it from the next one on.
    const before = running.blindIndex('079198001234', 'citizen_id');
    const reindexed = withNewIndexKey(rotated);
    writeKeyFile(file, reindexed);
    const after = running.blindIndex('079198001234', 'citizen_id');
    expect(after).not.toBe(before);
    expect(after).toBe(new FieldCipher(reindexed).blindIndex('079198001234', 'citizen_id'));
  });
});
