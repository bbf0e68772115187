import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { victimPersons } from '@atmis/db';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEY_FILE, readKeyFile } from '../../platform/crypto/keyring-file.ts';
import { resumeIndexRebuild, rotateIndexKey, type BlindIndexRebuilder } from '../../platform/crypto/index-rotation.ts';
import { createTestApp, loginAs, type Agent, type TestApp } from '../../testing/test-app.ts';
import { victimPersonIndexes } from './victim-index-rebuild.ts';
import { createFile, daysAgo, womanWithChild } from './victim-test-kit.ts';

/**
 * Rotating the index key (npm run keys:rotate -- --index) on a database and key file of its own:
 * every token is recomputed, and the running server finds files by name, citizen ID and passport,
 * and still detects duplicates, under the new key.
 */
let t: TestApp;
let keyFile: string;
let commune: Agent;
const files: { id: string; fullName: string; citizenId: string | null; passport: string | null }[] = [];

beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'atmis-index-rotation-'));
  t = await createTestApp({ dataDir }, { isolated: true });
  keyFile = path.join(dataDir, DEMO_KEY_FILE);
  commune = await loginAs(t.app, 'xa.a');
  const home = commune.me!.user.orgUnitId;
  for (const citizenship of [undefined, undefined, 'KH'] as const) {
    const body = womanWithChild({ receivedOn: daysAgo(t.clock.now, 2), homeOrgUnitId: home, ...(citizenship ? { citizenship } : {}) });
    const created = await createFile(commune, body);
    files.push({
      id: created.id,
      fullName: body.person.fullName,
      citizenId: body.person.citizenId,
      passport: 'passportNumber' in body.person ? (body.person.passportNumber as string) : null,
    });
  }
}, 120_000);
afterAll(() => t?.close());

const tokensOf = () =>
  t.database.db
    .select({
      id: victimPersons.id,
      nameTokens: victimPersons.nameTokens,
      citizenIdHmac: victimPersons.citizenIdHmac,
      passportHmac: victimPersons.passportHmac,
    })
    .from(victimPersons)
    .orderBy(asc(victimPersons.id));

async function found(query: string): Promise<string[]> {
  const response = await commune.get(`/api/v1/victim-files?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: { id: string }[] }>().items.map((item) => item.id);
}

/** Each file is found by the words of its name and by its citizen ID or passport. */
async function expectEveryFileFound() {
  for (const file of files) {
    expect(await found(`q=${encodeURIComponent(file.fullName.toLowerCase())}`), file.fullName).toEqual([file.id]);
    expect(await found(`citizenId=${file.citizenId ?? file.passport}`)).toEqual([file.id]);
  }
}

describe('index key rotation', () => {
  it('recomputes every token under a new index key; the running server still finds each file and its duplicates', async () => {
    await expectEveryFileFound();
    const before = await tokensOf();
    const oldIndexKey = readKeyFile(keyFile).indexKey;

    // Batches of two over six persons (three women and their children).
    const result = await rotateIndexKey(t.database.db, keyFile, [victimPersonIndexes], { batchSize: 2 });
    expect(result).toEqual({ rebuilt: before.length, byIndex: { victim_persons: before.length } });
    const keyring = readKeyFile(keyFile);
    expect(keyring.indexKey.equals(oldIndexKey)).toBe(false);
    expect(keyring.indexRebuildPending).toBeUndefined();

    const after = await tokensOf();
    expect(after.map((row) => row.id)).toEqual(before.map((row) => row.id));
    for (const [index, row] of after.entries()) {
      const old = before[index]!;
      expect(row.nameTokens).toHaveLength(old.nameTokens.length);
      expect(row.nameTokens.filter((token) => old.nameTokens.includes(token))).toEqual([]);
      expect(row.citizenIdHmac === null).toBe(old.citizenIdHmac === null);
      if (old.citizenIdHmac) expect(row.citizenIdHmac).not.toBe(old.citizenIdHmac);
      expect(row.passportHmac === null).toBe(old.passportHmac === null);
      if (old.passportHmac) expect(row.passportHmac).not.toBe(old.passportHmac);
    }
    expect(after.some((row) => row.passportHmac !== null)).toBe(true);

    // The server follows the key file: lookups and the duplicate check use the new key.
    await expectEveryFileFound();
    const again = await commune.post('/api/v1/victim-files', {
      ...womanWithChild({ receivedOn: daysAgo(t.clock.now, 1), homeOrgUnitId: commune.me!.user.orgUnitId, child: false }),
      person: {
        fullName: files[0]!.fullName,
        sex: 'female',
        dateOfBirth: '1998-03-14',
        citizenId: files[0]!.citizenId,
        homeOrgUnitId: commune.me!.user.orgUnitId,
      },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ code: string; duplicates: { fileId: string }[] }>()).toMatchObject({
      code: 'victim.possible_duplicate',
      duplicates: [{ fileId: files[0]!.id }],
    });
  });

  it('an interrupted rotation stays marked in the key file and --resume finishes it', async () => {
    const failing: BlindIndexRebuilder = {
      name: 'broken',
      rebuild: () => Promise.reject(new Error('mất kết nối CSDL')),
    };
    await expect(rotateIndexKey(t.database.db, keyFile, [victimPersonIndexes, failing], { batchSize: 2 })).rejects.toThrow(/mất kết nối/);
    expect(readKeyFile(keyFile).indexRebuildPending).toBe(true);

    const result = await resumeIndexRebuild(t.database.db, keyFile, [victimPersonIndexes]);
    expect(result.rebuilt).toBe((await tokensOf()).length);
    expect(readKeyFile(keyFile).indexRebuildPending).toBeUndefined();
    await expectEveryFileFound();
    // Nothing pending: resuming again does nothing.
    expect(await resumeIndexRebuild(t.database.db, keyFile, [victimPersonIndexes])).toEqual({ rebuilt: 0, byIndex: {} });
  });
});
