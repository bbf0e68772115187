import { and, eq, isNull, like, sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENCY_TYPES } from '@atmis/domain/reference/agency-types';
import { createDatabase, migrateDatabase, migrationsFolder, type DatabaseHandle } from '../client.ts';
import { agencies, agencyNameHistory, orgUnits } from '../schema/reference.ts';
import { loadReferenceData, seedReferenceData, type SeedReferenceResult } from './reference.ts';

const databaseUrl = process.env.DATABASE_URL;
const pgSchema = databaseUrl ? `test_reference_${process.pid}_${Date.now().toString(36)}` : undefined;

let handle: DatabaseHandle;
let firstRun: SeedReferenceResult;
let firstRunMs = 0;

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  if (databaseUrl && pgSchema) {
    // Extensions live in public (vn_fold names public.unaccent); the tables, vn_fold and the migration
    // journal live in the test's own schema so that parallel test files do not see each other.
    await adminQuery(
      `create extension if not exists unaccent schema public; create extension if not exists pg_trgm schema public; create schema "${pgSchema}"`,
    );
    handle = await createDatabase({ databaseUrl, pgSchema, maxConnections: 2 });
    // Not migrateDatabase(): the generated SQL names "public" in its foreign keys and the migrator keeps
    // one journal (schema "drizzle") per database, so a second schema would be skipped or point at
    // public's tables. Apply the same statements with the test schema instead.
    for (const migration of readMigrationFiles({ migrationsFolder })) {
      for (const statement of migration.sql) {
        if (statement.trim()) await handle.db.execute(sql.raw(statement.replaceAll('"public".', `"${pgSchema}".`)));
      }
    }
  } else {
    handle = await createDatabase({ dataDir: 'memory://' });
    await migrateDatabase(handle);
  }
  const started = performance.now();
  firstRun = await seedReferenceData(handle.db);
  firstRunMs = performance.now() - started;
});

afterAll(async () => {
  await handle?.close();
  if (databaseUrl && pgSchema) await adminQuery(`drop schema if exists "${pgSchema}" cascade`);
});

async function countUnits(level: 'province' | 'district' | 'commune', era: 'current' | 'pre-2025'): Promise<number> {
  const [row] = await handle.db
    .select({ count: sql<number>`count(*)::int` })
    .from(orgUnits)
    .where(
      era === 'current'
        ? and(eq(orgUnits.level, level), eq(orgUnits.validFrom, '2025-07-01'), isNull(orgUnits.validTo))
        : and(eq(orgUnits.level, level), eq(orgUnits.validTo, '2025-06-30'), isNull(orgUnits.validFrom)),
    );
  return row?.count ?? 0;
}

describe('seedReferenceData', () => {
  it('inserts every unit and agency on the first run, quickly', () => {
    const data = loadReferenceData();
    expect(firstRun.orgUnits).toBe(data.orgUnits.length);
    expect(firstRun.orgUnits).toBe(1 + 34 + 3321 + 63 + 696 + 10035);
    expect(firstRun.agencies).toBe(data.agencies.length);
    console.info(
      `reference seed: ${firstRun.orgUnits} units, ${firstRun.agencies} agencies in ${Math.round(firstRunMs)} ms (${handle.engine})`,
    );
  });

  it('has the national root', async () => {
    const [root] = await handle.db.select().from(orgUnits).where(eq(orgUnits.id, 'VN'));
    expect(root).toMatchObject({ name: 'Việt Nam', level: 'national', unitType: 'Quốc gia', parentId: null });
  });

  it('has the 34 provinces and 3,321 communes in force since 2025-07-01', async () => {
    expect(await countUnits('province', 'current')).toBe(34);
    expect(await countUnits('commune', 'current')).toBe(3321);
  });

  it('has the 63 provinces, 696 districts and 10,035 communes in force until 2025-06-30', async () => {
    expect(await countUnits('province', 'pre-2025')).toBe(63);
    expect(await countUnits('district', 'pre-2025')).toBe(696);
    expect(await countUnits('commune', 'pre-2025')).toBe(10035);
  });

  it('keeps codes, names and the tree of a known commune', async () => {
    const [commune] = await handle.db.select().from(orgUnits).where(eq(orgUnits.id, 'VN.31.11413'));
    expect(commune).toMatchObject({
      code: '11413',
      name: 'Hải An',
      fullName: 'Phường Hải An',
      unitType: 'Phường',
      level: 'commune',
      parentId: 'VN.31',
      provinceCode: '31',
    });
    const [oldCommune] = await handle.db.select().from(orgUnits).where(eq(orgUnits.id, 'VN.L01.001.00001'));
    expect(oldCommune).toMatchObject({ fullName: 'Phường Phúc Xá', parentId: 'VN.L01.001', provinceCode: '01' });
    // Bắc Giang (old 24) went into Bắc Ninh, which took the code 24.
    const [bacGiang] = await handle.db.select().from(orgUnits).where(eq(orgUnits.id, 'VN.L24'));
    expect(bacGiang).toMatchObject({ name: 'Bắc Giang', successorId: 'VN.24' });
    const [bacNinh] = await handle.db.select().from(orgUnits).where(eq(orgUnits.id, 'VN.24'));
    expect(bacNinh).toMatchObject({ name: 'Bắc Ninh', unitType: 'Tỉnh' });
  });

  it('finds units without diacritics through vn_fold', async () => {
    const found = await handle.db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(like(orgUnits.searchKey, '%ha noi%'), eq(orgUnits.level, 'province')));
    expect(found.map((row) => row.id).sort()).toEqual(['VN.01', 'VN.L01']);
    const communes = await handle.db.select({ id: orgUnits.id }).from(orgUnits).where(like(orgUnits.searchKey, '%phuong hai an%'));
    expect(communes.map((row) => row.id)).toContain('VN.31.11413');
  });

  it('gives every current province a steering committee, a police standing office and a People’s Committee', async () => {
    const provinces = await handle.db
      .select({ id: orgUnits.id, code: orgUnits.code })
      .from(orgUnits)
      .where(and(eq(orgUnits.level, 'province'), isNull(orgUnits.validTo)));
    expect(provinces).toHaveLength(34);
    const provincial = await handle.db
      .select({ code: agencies.code, type: agencies.type, orgUnitId: agencies.orgUnitId })
      .from(agencies)
      .where(like(agencies.code, 'T%'));
    const byCode = new Map(provincial.map((row) => [row.code, row]));
    for (const province of provinces) {
      expect(byCode.get(`T${province.code}.BCD138`)).toMatchObject({ type: 'steering_committee', orgUnitId: province.id });
      expect(byCode.get(`T${province.code}.CA`)).toMatchObject({ type: 'police', orgUnitId: province.id });
      expect(byCode.get(`T${province.code}.UBND`)).toMatchObject({ type: 'peoples_committee', orgUnitId: province.id });
    }
  });

  it('links agencies to their organisational parent and to successors', async () => {
    const rows = await handle.db
      .select({ id: agencies.id, code: agencies.code, parentId: agencies.parentId, successorId: agencies.successorId })
      .from(agencies);
    const idOf = new Map(rows.map((row) => [row.code, row.id]));
    const byCode = new Map(rows.map((row) => [row.code, row]));
    expect(byCode.get('T31.CA')?.parentId).toBe(idOf.get('TW.BCA'));
    expect(byCode.get('T31.SYT')?.parentId).toBe(idOf.get('T31.UBND'));
    expect(byCode.get('T31.VKS')?.parentId).toBe(idOf.get('TW.VKSNDTC'));
    expect(byCode.get('X11413.UBND')?.parentId).toBe(idOf.get('T31.UBND'));
    expect(byCode.get('L24.SYT')?.successorId).toBe(idOf.get('T24.SYT'));
    const [commune] = await handle.db.select().from(agencies).where(eq(agencies.code, 'X11413.UBND'));
    expect(commune).toMatchObject({ name: 'Ủy ban nhân dân phường Hải An', orgUnitId: 'VN.31.11413', validFrom: '2025-07-01' });
    const [labour] = await handle.db.select().from(agencies).where(eq(agencies.code, 'L24.SLDTBXH'));
    expect(labour).toMatchObject({ name: 'Sở Lao động - Thương binh và Xã hội tỉnh Bắc Giang', validTo: '2025-02-28' });
  });

  it('uses only known agency types and keeps every agency’s name history', async () => {
    const types = await handle.db.selectDistinct({ type: agencies.type }).from(agencies);
    for (const { type } of types) expect(AGENCY_TYPES).toContain(type);
    const [missing] = await handle.db
      .select({ count: sql<number>`count(*)::int` })
      .from(agencies)
      .where(sql`not exists (select 1 from ${agencyNameHistory} h where h.agency_id = ${agencies.id})`);
    expect(missing?.count).toBe(0);
    const dongNaiPolice = await handle.db
      .select({ name: agencyNameHistory.name, validFrom: agencyNameHistory.validFrom, validTo: agencyNameHistory.validTo })
      .from(agencyNameHistory)
      .innerJoin(agencies, eq(agencies.id, agencyNameHistory.agencyId))
      .where(eq(agencies.code, 'T75.CA'))
      .orderBy(agencyNameHistory.validFrom);
    expect(dongNaiPolice).toEqual([
      { name: 'Công an tỉnh Đồng Nai', validFrom: '2025-07-01', validTo: '2026-04-29' },
      { name: 'Công an thành phố Đồng Nai', validFrom: '2026-04-30', validTo: null },
    ]);
  });

  it('finds agencies without diacritics', async () => {
    const found = await handle.db
      .select({ code: agencies.code })
      .from(agencies)
      .where(like(agencies.searchKey, '%cong an thanh pho hai phong%'));
    expect(found.map((row) => row.code).sort()).toEqual(['L31.CA', 'T31.CA']);
  });

  it('inserts nothing on a second run', async () => {
    const [before] = await handle.db.select({ count: sql<number>`count(*)::int` }).from(agencyNameHistory);
    const second = await seedReferenceData(handle.db);
    expect(second).toEqual({ orgUnits: 0, agencies: 0 });
    const [after] = await handle.db.select({ count: sql<number>`count(*)::int` }).from(agencyNameHistory);
    expect(after?.count).toBe(before?.count);
  });
});
