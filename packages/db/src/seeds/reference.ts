import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Database, Transaction } from '../client.ts';
import { agencies, agencyNameHistory, orgUnits } from '../schema/reference.ts';

/**
 * Reference data shipped with the product: administrative units of both eras and the agency registry.
 * Safe to run at every start: it inserts only what is missing (never updates names that an
 * administrator may have corrected) and fills in parent/successor links that are still empty.
 *
 * Data files (built by packages/db/scripts/build-reference-data.mjs, provenance in data/README.md):
 *   data/admin-units-2025.json      34 provinces + 3,321 communes valid from 2025-07-01
 *   data/admin-units-pre-2025.json  63 provinces, 696 districts, 10,035 communes valid to 2025-06-30
 *   data/agencies.json              national, provincial and pre-reform agencies (curated)
 * Commune People's Committees (X<code>.UBND) and pre-reform district ones (D<code>.UBND) are generated
 * here from the unit lists.
 */

export interface SeedReferenceResult {
  /** Org units inserted by this run (0 when everything was already there). */
  orgUnits: number;
  /** Agencies inserted by this run. */
  agencies: number;
}

type OrgUnitLevel = 'national' | 'province' | 'district' | 'commune';
type OrgUnitRow = typeof orgUnits.$inferInsert;
type AgencyInsert = typeof agencies.$inferInsert;
type NameHistoryInsert = typeof agencyNameHistory.$inferInsert;

export interface AgencyFormerName {
  name: string;
  shortName: string | null;
  validFrom: string | null;
  validTo: string | null;
  reason: string;
}

/** One row of data/agencies.json. */
export interface AgencySeed {
  code: string;
  name: string;
  shortName: string | null;
  type: string;
  parentCode: string | null;
  orgUnitId: string;
  validFrom: string | null;
  validTo: string | null;
  successorCode?: string | null;
  /** Earlier names, oldest first (e.g. "Công an tỉnh Đồng Nai" before Đồng Nai became a city). */
  formerNames?: AgencyFormerName[];
}

export interface ReferenceData {
  orgUnits: OrgUnitRow[];
  agencies: AgencySeed[];
}

export const NATIONAL_ORG_UNIT: OrgUnitRow = {
  id: 'VN',
  code: 'VN',
  level: 'national',
  name: 'Việt Nam',
  fullName: 'Việt Nam',
  nameEn: 'Viet Nam',
  unitType: 'Quốc gia',
  parentId: null,
  provinceCode: null,
  validFrom: null,
  validTo: null,
  successorId: null,
};

const BATCH_SIZE = 500;
/** Serialises concurrent seeders (several server processes or test workers on one PostgreSQL). */
const SEED_LOCK_KEY = 138_2025;
const INITIAL_NAME_REASON = 'Tên khi nạp dữ liệu tham chiếu';

const ORG_UNIT_COLUMNS = [
  'id',
  'code',
  'level',
  'name',
  'fullName',
  'nameEn',
  'unitType',
  'parentId',
  'provinceCode',
  'validFrom',
  'validTo',
  'successorId',
] as const;
const LEVELS: readonly string[] = ['national', 'province', 'district', 'commune'] satisfies OrgUnitLevel[];

type Cell = string | null;
interface UnitFile {
  columns: string[];
  /** [id, former full name, former unit type, valid from, valid to, reason] */
  renames?: Cell[][];
  rows: Cell[][];
}
interface UnitRename {
  fullName: string;
  unitType: string;
  validFrom: string | null;
  validTo: string | null;
  reason: string;
}

function readDataFile<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8')) as T;
}

function requiredCell(row: Cell[], index: number, file: string): string {
  const value = row[index];
  if (typeof value !== 'string' || value === '') throw new Error(`${file}: row ${JSON.stringify(row)} lacks column ${index}`);
  return value;
}

function optionalCell(row: Cell[], index: number): string | null {
  const value = row[index];
  return typeof value === 'string' ? value : null;
}

function readUnitFile(file: string): { units: OrgUnitRow[]; renames: Map<string, UnitRename> } {
  const data = readDataFile<UnitFile>(file);
  if (JSON.stringify(data.columns) !== JSON.stringify(ORG_UNIT_COLUMNS)) throw new Error(`${file}: unexpected columns`);
  const units = data.rows.map((row): OrgUnitRow => {
    const level = requiredCell(row, 2, file);
    if (!LEVELS.includes(level)) throw new Error(`${file}: unknown level ${level}`);
    return {
      id: requiredCell(row, 0, file),
      code: requiredCell(row, 1, file),
      level: level as OrgUnitLevel,
      name: requiredCell(row, 3, file),
      fullName: requiredCell(row, 4, file),
      nameEn: optionalCell(row, 5),
      unitType: requiredCell(row, 6, file),
      parentId: optionalCell(row, 7),
      provinceCode: optionalCell(row, 8),
      validFrom: optionalCell(row, 9),
      validTo: optionalCell(row, 10),
      successorId: optionalCell(row, 11),
    };
  });
  const renames = new Map<string, UnitRename>();
  for (const row of data.renames ?? []) {
    renames.set(requiredCell(row, 0, file), {
      fullName: requiredCell(row, 1, file),
      unitType: requiredCell(row, 2, file),
      validFrom: optionalCell(row, 3),
      validTo: optionalCell(row, 4),
      reason: requiredCell(row, 5, file),
    });
  }
  return { units, renames };
}

/** "Xã" → "xã": unit types are lower case inside an agency name ("Ủy ban nhân dân xã Hoà An"). */
function lowerType(unitType: string): string {
  return unitType.toLocaleLowerCase('vi');
}

function peoplesCommitteeNames(unitType: string, name: string): { name: string; shortName: string } {
  const of = `${lowerType(unitType)} ${name}`;
  return { name: `Ủy ban nhân dân ${of}`, shortName: `UBND ${of}` };
}

/** Commune People's Committees (current) and district ones (pre-2025), generated from the unit lists. */
function localCommittees(units: readonly OrgUnitRow[], renames: ReadonlyMap<string, UnitRename>): AgencySeed[] {
  const seeds: AgencySeed[] = [];
  for (const unit of units) {
    const isCurrentCommune = unit.level === 'commune' && unit.validTo == null;
    const isOldDistrict = unit.level === 'district';
    if (!isCurrentCommune && !isOldDistrict) continue;
    const names = peoplesCommitteeNames(unit.unitType, unit.name);
    const seed: AgencySeed = {
      code: isCurrentCommune ? `X${unit.code}.UBND` : `D${unit.code}.UBND`,
      ...names,
      type: 'peoples_committee',
      parentCode: isCurrentCommune ? `T${unit.provinceCode ?? ''}.UBND` : `L${unit.provinceCode ?? ''}.UBND`,
      orgUnitId: unit.id,
      validFrom: unit.validFrom ?? null,
      validTo: unit.validTo ?? null,
    };
    const rename = renames.get(unit.id);
    if (rename) {
      const former = peoplesCommitteeNames(rename.unitType, unit.name);
      seed.formerNames = [{ ...former, validFrom: rename.validFrom, validTo: rename.validTo, reason: rename.reason }];
    }
    seeds.push(seed);
  }
  return seeds;
}

let cached: ReferenceData | undefined;

/** The reference data as rows (parsed once per process). */
export function loadReferenceData(): ReferenceData {
  if (cached) return cached;
  const current = readUnitFile('admin-units-2025.json');
  const previous = readUnitFile('admin-units-pre-2025.json');
  const units = [NATIONAL_ORG_UNIT, ...current.units, ...previous.units];
  const curated = readDataFile<AgencySeed[]>('agencies.json');
  const all = [...curated, ...localCommittees(current.units, current.renames), ...localCommittees(previous.units, new Map())];
  const unitIds = new Set(units.map((unit) => unit.id));
  const codes = new Set<string>();
  for (const agency of all) {
    if (codes.has(agency.code)) throw new Error(`agency code ${agency.code} appears twice`);
    if (!unitIds.has(agency.orgUnitId)) throw new Error(`agency ${agency.code}: unknown org unit ${agency.orgUnitId}`);
    codes.add(agency.code);
  }
  for (const agency of all) {
    for (const reference of [agency.parentCode, agency.successorCode]) {
      if (reference && !codes.has(reference)) throw new Error(`agency ${agency.code}: unknown agency ${reference}`);
    }
  }
  cached = { orgUnits: units, agencies: all };
  return cached;
}

function chunks<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

function historyOf(agency: AgencySeed, agencyId: string): NameHistoryInsert[] {
  const rows: NameHistoryInsert[] = (agency.formerNames ?? []).map((former) => ({
    id: uuidv7(),
    agencyId,
    name: former.name,
    shortName: former.shortName,
    validFrom: former.validFrom,
    validTo: former.validTo,
    reason: former.reason,
  }));
  const lastFormer = agency.formerNames?.at(-1);
  rows.push({
    id: uuidv7(),
    agencyId,
    name: agency.name,
    shortName: agency.shortName,
    validFrom: lastFormer?.validTo ? nextDay(lastFormer.validTo) : agency.validFrom,
    validTo: agency.validTo,
    reason: lastFormer ? lastFormer.reason : INITIAL_NAME_REASON,
  });
  return rows;
}

function nextDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

async function seedOrgUnits(tx: Transaction, units: readonly OrgUnitRow[]): Promise<number> {
  const existing = new Set((await tx.select({ id: orgUnits.id }).from(orgUnits)).map((row) => row.id));
  let inserted = 0;
  for (const batch of chunks(units.filter((unit) => !existing.has(unit.id)))) {
    const rows = await tx.insert(orgUnits).values(batch).onConflictDoNothing().returning({ id: orgUnits.id });
    inserted += rows.length;
  }
  return inserted;
}

async function seedAgencies(tx: Transaction, seeds: readonly AgencySeed[]): Promise<number> {
  const existingRows = await tx
    .select({ id: agencies.id, code: agencies.code, parentId: agencies.parentId, successorId: agencies.successorId })
    .from(agencies);
  const existing = new Map(existingRows.map((row) => [row.code, row]));
  const idOf = new Map<string, string>(existingRows.map((row) => [row.code, row.id]));
  const missing = seeds.filter((seed) => !existing.has(seed.code));
  for (const seed of missing) idOf.set(seed.code, uuidv7());
  const resolve = (code: string | null | undefined): string | null => (code ? (idOf.get(code) ?? null) : null);

  let inserted = 0;
  for (const batch of chunks(missing)) {
    const rows = batch.map((seed): AgencyInsert => ({
      id: resolve(seed.code) ?? uuidv7(),
      code: seed.code,
      name: seed.name,
      shortName: seed.shortName,
      type: seed.type,
      parentId: resolve(seed.parentCode),
      orgUnitId: seed.orgUnitId,
      validFrom: seed.validFrom,
      validTo: seed.validTo,
      successorId: resolve(seed.successorCode),
    }));
    const result = await tx.insert(agencies).values(rows).onConflictDoNothing({ target: agencies.code }).returning({ id: agencies.id });
    inserted += result.length;
  }

  // Second pass: links still empty on agencies that already existed (e.g. a parent added by a later
  // version of the data). Links an administrator has set are left alone.
  const links: { code: string; parentId: string | null; successorId: string | null }[] = [];
  for (const seed of seeds) {
    const row = existing.get(seed.code);
    if (!row) continue;
    const parentId = row.parentId ? null : resolve(seed.parentCode);
    const successorId = row.successorId ? null : resolve(seed.successorCode);
    if (parentId || successorId) links.push({ code: seed.code, parentId, successorId });
  }
  for (const batch of chunks(links)) {
    const values = sql.join(
      batch.map((link) => sql`(${link.code}, ${link.parentId}::uuid, ${link.successorId}::uuid)`),
      sql`, `,
    );
    await tx.execute(sql`
      update ${agencies} as a
         set parent_id = coalesce(a.parent_id, v.parent_id),
             successor_id = coalesce(a.successor_id, v.successor_id),
             updated_at = now()
        from (values ${values}) as v(code, parent_id, successor_id)
       where a.code = v.code`);
  }

  // Name history: every agency of the registry starts with its initial name(s).
  const withHistory = new Set(
    (await tx.selectDistinct({ agencyId: agencyNameHistory.agencyId }).from(agencyNameHistory)).map((row) => row.agencyId),
  );
  const history: NameHistoryInsert[] = [];
  for (const seed of seeds) {
    const agencyId = idOf.get(seed.code);
    if (agencyId && !withHistory.has(agencyId)) history.push(...historyOf(seed, agencyId));
  }
  for (const batch of chunks(history)) await tx.insert(agencyNameHistory).values(batch);
  return inserted;
}

/**
 * Inserts the national root, all current and pre-2025 administrative units and the agency registry.
 * Idempotent: a second run inserts nothing and returns zeros.
 */
export async function seedReferenceData(db: Database): Promise<SeedReferenceResult> {
  const data = loadReferenceData();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const insertedUnits = await seedOrgUnits(tx, data.orgUnits);
    const insertedAgencies = await seedAgencies(tx, data.agencies);
    return { orgUnits: insertedUnits, agencies: insertedAgencies };
  });
}
