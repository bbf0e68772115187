import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Field-level encryption of identifying data (AES-256-GCM, node:crypto).
 *
 * A value is stored as `v1:<keyId>:<iv>:<tag>:<data>` (iv, tag and data in base64url). The
 * "additional authenticated data" is the column's `table.column`, so a ciphertext copied into
 * another column does not decrypt. The keys live outside the database (see keyring-file.ts); the
 * database alone reveals nothing.
 *
 * Exact lookups (citizen ID, passport, words of a name) use a blind index: an HMAC-SHA256 of the
 * normalised value under a separate index key, so equal values give equal tokens without storing
 * the value.
 */

export const CIPHERTEXT_VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,40}$/;

/** The keys as loaded from the key file: data keys by id, the one new values are written with, the index key. */
export interface Keyring {
  current: string;
  keys: ReadonlyMap<string, Buffer>;
  indexKey: Buffer;
  /** Set while the blind indexes are being recomputed under a new index key (cleared when done). */
  indexRebuildPending?: boolean;
}

/** The key file: `{ current, keys: { id: base64 }, indexKey: base64, indexRebuildPending? }`. */
export interface KeyFileContent {
  current: string;
  keys: Record<string, string>;
  indexKey: string;
  indexRebuildPending?: true;
}

export class KeyringError extends Error {}
/** A value that does not decrypt: wrong key, wrong column, altered, or not a ciphertext at all. */
export class FieldDecryptionError extends Error {}

function decodeKey(value: unknown, what: string): Buffer {
  if (typeof value !== 'string') throw new KeyringError(`${what}: phải là chuỗi base64.`);
  const key = Buffer.from(value, 'base64');
  if (key.length !== KEY_BYTES)
    throw new KeyringError(`${what}: phải là khóa ${KEY_BYTES} byte mã hóa base64 (nhận được ${key.length} byte).`);
  return key;
}

/** Parses and checks a key file's content; the messages say what is wrong, in Vietnamese. */
export function parseKeyFile(content: unknown): Keyring {
  if (content === null || typeof content !== 'object' || Array.isArray(content)) {
    throw new KeyringError('Tệp khóa phải là một đối tượng JSON { current, keys, indexKey }.');
  }
  const { current, keys, indexKey, indexRebuildPending } = content as Partial<Record<keyof KeyFileContent, unknown>>;
  if (keys === null || typeof keys !== 'object' || Array.isArray(keys) || Object.keys(keys).length === 0) {
    throw new KeyringError('Tệp khóa thiếu danh sách khóa "keys" ({ mã khóa: khóa base64 }).');
  }
  const map = new Map<string, Buffer>();
  for (const [id, value] of Object.entries(keys as Record<string, unknown>)) {
    if (!KEY_ID.test(id)) throw new KeyringError(`Mã khóa "${id}" không hợp lệ (chỉ gồm chữ, số, "-", "_", tối đa 40 ký tự).`);
    map.set(id, decodeKey(value, `Khóa "${id}"`));
  }
  if (typeof current !== 'string' || !map.has(current)) {
    throw new KeyringError('Tệp khóa thiếu "current" hoặc "current" không trỏ tới một khóa có trong "keys".');
  }
  if (indexRebuildPending !== undefined && typeof indexRebuildPending !== 'boolean') {
    throw new KeyringError('"indexRebuildPending" phải là true hoặc false.');
  }
  return {
    current,
    keys: map,
    indexKey: decodeKey(indexKey, 'Khóa chỉ mục "indexKey"'),
    ...(indexRebuildPending ? { indexRebuildPending: true } : {}),
  };
}

export function serializeKeyring(keyring: Keyring): KeyFileContent {
  return {
    current: keyring.current,
    keys: Object.fromEntries([...keyring.keys].map(([id, key]) => [id, key.toString('base64')])),
    indexKey: keyring.indexKey.toString('base64'),
    ...(keyring.indexRebuildPending ? { indexRebuildPending: true as const } : {}),
  };
}

/** A new key id: `k` + the date + random hex, e.g. `k20260515-3f9a1c`. */
export function newKeyId(now: Date = new Date()): string {
  return `k${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex')}`;
}

/** A brand-new keyring: one data key and an index key. */
export function generateKeyring(now: Date = new Date()): Keyring {
  const id = newKeyId(now);
  return { current: id, keys: new Map([[id, randomBytes(KEY_BYTES)]]), indexKey: randomBytes(KEY_BYTES) };
}

/** The keyring with a new data key added and made current (the old keys stay, to read old values). */
export function withNewCurrentKey(keyring: Keyring, now: Date = new Date()): Keyring {
  let id = newKeyId(now);
  while (keyring.keys.has(id)) id = newKeyId(now);
  return { ...keyring, current: id, keys: new Map([...keyring.keys, [id, randomBytes(KEY_BYTES)]]) };
}

/**
 * The keyring with a new index key, marked as pending until every blind index has been recomputed
 * under it (the old index key is dropped: tokens are recomputed from the encrypted values).
 */
export function withNewIndexKey(keyring: Keyring): Keyring {
  return { ...keyring, indexKey: randomBytes(KEY_BYTES), indexRebuildPending: true };
}

/** The additional authenticated data of a column: binds a ciphertext to where it is stored. */
export function columnAad(table: string, column: string): string {
  return `${table}.${column}`;
}

/** The key id a stored value was written with, or null when it is not a ciphertext of this format. */
export function keyIdOf(stored: string): string | null {
  const parts = stored.split(':');
  return parts.length === 5 && parts[0] === CIPHERTEXT_VERSION ? parts[1]! : null;
}

/** Normalisation before hashing into the blind index: NFC, whitespace collapsed, lower case. */
export function normalizeForIndex(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

export class FieldCipher {
  private keyring: Keyring;

  /**
   * A cipher backed by a key file follows it while running: `changed` returns the file's keyring when
   * the file changed since last read (checked before every encryption, so new values are written
   * under the current key after a rotation), `reload` re-reads it when a value names a key this
   * process does not hold yet.
   */
  constructor(
    keyring: Keyring,
    private readonly source: { reload?: () => Keyring; changed?: () => Keyring | null } = {},
  ) {
    this.keyring = keyring;
  }

  get currentKeyId(): string {
    return this.keyring.current;
  }

  get keyIds(): string[] {
    return [...this.keyring.keys.keys()];
  }

  /** Follows the key file: a rotation's new current key or index key is used from the next call on. */
  private refresh(): void {
    const changed = this.source.changed?.();
    if (changed) this.keyring = changed;
  }

  encrypt(plaintext: string, aad: string): string {
    this.refresh();
    const key = this.keyring.keys.get(this.keyring.current)!;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [CIPHERTEXT_VERSION, this.keyring.current, iv.toString('base64url'), tag.toString('base64url'), data.toString('base64url')].join(
      ':',
    );
  }

  decrypt(stored: string, aad: string): string {
    const parts = stored.split(':');
    if (parts.length !== 5 || parts[0] !== CIPHERTEXT_VERSION) throw new FieldDecryptionError('not a ciphertext');
    const [, keyId, ivText, tagText, dataText] = parts as [string, string, string, string, string];
    let key = this.keyring.keys.get(keyId);
    if (!key && this.source.reload) {
      this.keyring = this.source.reload();
      key = this.keyring.keys.get(keyId);
    }
    if (!key) throw new FieldDecryptionError(`unknown key ${keyId}`);
    const iv = Buffer.from(ivText, 'base64url');
    const tag = Buffer.from(tagText, 'base64url');
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new FieldDecryptionError('malformed ciphertext');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(Buffer.from(dataText, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new FieldDecryptionError('authentication failed');
    }
  }

  encryptNullable(plaintext: string | null | undefined, aad: string): string | null {
    return plaintext === null || plaintext === undefined ? null : this.encrypt(plaintext, aad);
  }

  decryptNullable(stored: string | null | undefined, aad: string): string | null {
    return stored === null || stored === undefined ? null : this.decrypt(stored, aad);
  }

  encryptJson(value: unknown, aad: string): string | null {
    return value === null || value === undefined ? null : this.encrypt(JSON.stringify(value), aad);
  }

  decryptJson<T>(stored: string | null | undefined, aad: string): T | null {
    return stored === null || stored === undefined ? null : (JSON.parse(this.decrypt(stored, aad)) as T);
  }

  /**
   * Blind index of a value for exact lookups: HMAC-SHA256 under the index key of
   * `purpose` and the normalised value (base64url). The same value under another purpose gives
   * another token, so tokens of different fields cannot be matched with each other.
   */
  blindIndex(value: string, purpose: string): string {
    this.refresh();
    return createHmac('sha256', this.keyring.indexKey)
      .update(purpose)
      .update('\u0000')
      .update(normalizeForIndex(value))
      .digest('base64url');
  }
}
