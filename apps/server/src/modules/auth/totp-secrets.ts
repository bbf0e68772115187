import type { Database } from '@atmis/db';
import { registeredAad } from '../../platform/crypto/encrypted-columns.ts';
import { CIPHERTEXT_VERSION, type FieldCipher } from '../../platform/crypto/field-cipher.ts';
import { plainTotpSecrets, replaceTotpSecret } from './auth.repository.ts';

/**
 * TOTP secrets are stored field-encrypted (whoever reads the users table cannot mint second-factor
 * codes), under the same keys and rotation as victims' identity.
 */
const AAD = registeredAad('users', 'totp_secret');

export const sealTotpSecret = (cipher: FieldCipher, secret: string): string => cipher.encrypt(secret, AAD);

export const openTotpSecret = (cipher: FieldCipher, stored: string): string => cipher.decrypt(stored, AAD);

/**
 * Encrypts the secrets stored in plaintext by versions before encryption (run at every start; a
 * base32 secret never begins with the ciphertext prefix). Returns how many were encrypted.
 */
export async function encryptPlainTotpSecrets(db: Database, cipher: FieldCipher): Promise<number> {
  const plain = await plainTotpSecrets(db, CIPHERTEXT_VERSION);
  if (plain.length === 0) return 0;
  await db.transaction(async (tx) => {
    for (const { id, secret } of plain) {
      await replaceTotpSecret(tx, id, secret!, sealTotpSecret(cipher, secret!));
    }
  });
  return plain.length;
}
