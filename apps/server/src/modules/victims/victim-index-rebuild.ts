import type { Database } from '@atmis/db';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { BlindIndexRebuilder } from '../../platform/crypto/index-rotation.ts';
import { AAD, INDEX } from './victim-access.ts';
import { nameTokens } from './victim-person-codec.ts';
import { personIdentityBatch, rewritePersonIndexes } from './victim-register.repository.ts';

/**
 * The blind indexes of persons (name words, citizen ID, passport), recomputed from their encrypted
 * values under the cipher's index key — the same tokens reception and correction write.
 */
export const victimPersonIndexes: BlindIndexRebuilder = {
  name: 'victim_persons',
  async rebuild(db: Database, cipher: FieldCipher, batchSize: number): Promise<number> {
    let rewritten = 0;
    let after: string | null = null;
    for (;;) {
      const rows = await personIdentityBatch(db, after, batchSize);
      if (rows.length === 0) return rewritten;
      await db.transaction(async (tx) => {
        for (const row of rows) {
          const citizenId = cipher.decryptNullable(row.citizenIdEnc, AAD.citizenId);
          const passport = cipher.decryptNullable(row.passportEnc, AAD.passport);
          const names = [
            cipher.decrypt(row.fullNameEnc, AAD.fullName),
            ...(cipher.decryptJson<string[]>(row.otherNamesEnc, AAD.otherNames) ?? []),
          ];
          // Only if the identity is unchanged since read: a concurrent correction wrote its own tokens.
          await rewritePersonIndexes(tx, row, {
            nameTokens: nameTokens(cipher, names),
            citizenIdHmac: citizenId ? cipher.blindIndex(citizenId, INDEX.citizenId) : null,
            passportHmac: passport ? cipher.blindIndex(passport, INDEX.passport) : null,
          });
        }
      });
      rewritten += rows.length;
      after = rows.at(-1)!.id;
    }
  },
};
