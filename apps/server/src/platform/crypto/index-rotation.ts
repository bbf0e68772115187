import type { Database } from '@atmis/db';
import { FieldCipher, withNewIndexKey } from './field-cipher.ts';
import { readKeyFile, writeKeyFile } from './keyring-file.ts';

/**
 * Rotation of the index key (the HMAC key of the blind indexes: citizen ID, passport, name words).
 * Tokens are derived data: each module that stores them recomputes them from its encrypted values.
 * The key file is written first with the new index key and `indexRebuildPending`, then every
 * registered rebuilder runs, then the flag is cleared. An interrupted rotation is finished by
 * running the rebuilders again (`resumeIndexRebuild`): recomputing is idempotent.
 *
 * While the rebuild runs, lookups by name or ID may miss the rows not yet recomputed, so it is run
 * in a maintenance window with the servers stopped (docs/operations.md).
 */
export interface BlindIndexRebuilder {
  /** What it recomputes, e.g. `victim_persons` (shown in the command's report). */
  name: string;
  /** Recomputes every token under the cipher's index key, in batches; returns the rows rewritten. */
  rebuild(db: Database, cipher: FieldCipher, batchSize: number): Promise<number>;
}

export interface IndexRebuildResult {
  rebuilt: number;
  byIndex: Record<string, number>;
}

/** A new index key in the key file, then every blind index recomputed under it. */
export async function rotateIndexKey(
  db: Database,
  keyFile: string,
  rebuilders: readonly BlindIndexRebuilder[],
  options: { batchSize?: number } = {},
): Promise<IndexRebuildResult> {
  writeKeyFile(keyFile, withNewIndexKey(readKeyFile(keyFile)));
  return resumeIndexRebuild(db, keyFile, rebuilders, options);
}

/** Finishes a pending index rebuild (nothing to do when none is pending). */
export async function resumeIndexRebuild(
  db: Database,
  keyFile: string,
  rebuilders: readonly BlindIndexRebuilder[],
  options: { batchSize?: number } = {},
): Promise<IndexRebuildResult> {
  const keyring = readKeyFile(keyFile);
  if (!keyring.indexRebuildPending) return { rebuilt: 0, byIndex: {} };
  const cipher = new FieldCipher(keyring);
  const byIndex: Record<string, number> = {};
  for (const rebuilder of rebuilders) byIndex[rebuilder.name] = await rebuilder.rebuild(db, cipher, options.batchSize ?? 500);
  // Re-read: only the flag changes (a data key added meanwhile is kept).
  const { indexRebuildPending: _done, ...finished } = readKeyFile(keyFile);
  writeKeyFile(keyFile, finished);
  return { rebuilt: Object.values(byIndex).reduce((sum, n) => sum + n, 0), byIndex };
}
