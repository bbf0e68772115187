import { agencies, orgUnits, queryRows, type Executor } from '@atmis/db';
import { eq, sql } from 'drizzle-orm';
import { withinUnit } from '../../platform/access/scope-sql.ts';

/**
 * A unit's names (null when the unit does not exist) and the agencies in force in it and its
 * subordinate units.
 */
export async function agenciesInForceUnder(
  executor: Executor,
  orgUnitId: string,
): Promise<{ unit: { name: string; fullName: string } | null; agencies: { id: string; name: string; shortName: string | null }[] }> {
  const [unit] = await executor
    .select({ name: orgUnits.name, fullName: orgUnits.fullName })
    .from(orgUnits)
    .where(eq(orgUnits.id, orgUnitId));
  const rows = await executor
    .select({ id: agencies.id, name: agencies.name, shortName: agencies.shortName })
    .from(agencies)
    .where(sql`${withinUnit(agencies.orgUnitId, orgUnitId)} and ${agencies.validTo} is null`);
  return { unit: unit ?? null, agencies: rows };
}

/**
 * The agency in force of the unit itself (not its subordinate units) whose name or short name is
 * most similar by pg_trgm to the folded name or its core, with that similarity; undefined when the
 * unit has no agency.
 */
export async function mostSimilarAgencyOfUnit(
  executor: Executor,
  orgUnitId: string,
  folded: string,
  core: string,
): Promise<{ id: string; name: string; score: number } | undefined> {
  const [best] = await queryRows<{ id: string; name: string; score: number }>(
    executor,
    sql`select a.id, a.name, greatest(similarity(vn_fold(a.name), ${folded}), similarity(vn_fold(coalesce(a.short_name, '')), ${folded}), similarity(vn_fold(a.name), ${core}))::float8 as score
        from ${agencies} a
        where a.org_unit_id = ${orgUnitId} and a.valid_to is null
        order by score desc, a.code asc limit 1`,
  );
  return best;
}
