import type { ScopeFilter } from '@atmis/domain';
import { sql, type SQL, type AnyColumn } from 'drizzle-orm';

export interface ScopeColumns {
  orgUnitId: AnyColumn | SQL;
  agencyId?: AnyColumn | SQL;
  /** A uuid[] column of the agencies a record is addressed to (matches when any is granted). */
  agencyIdsArray?: AnyColumn | SQL;
  ownerUserId?: AnyColumn | SQL;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A unit and every unit below it (unit codes are paths: "within" is a prefix match), the one form
 * of that condition in every query.
 */
export function withinUnit(column: AnyColumn | SQL, unitId: string): SQL {
  return sql`(${column} = ${unitId} or ${column} like ${`${escapeLike(unitId)}.%`})`;
}

/**
 * The SQL form of the domain's ScopeFilter: the same rule as matchesScope(), applied by every
 * list, detail, search, export and count query of a module.
 */
export function scopeCondition(filter: ScopeFilter, columns: ScopeColumns): SQL {
  if (filter.kind === 'all') return sql`true`;
  if (filter.kind === 'none') return sql`false`;
  const parts: SQL[] = [];
  for (const unit of filter.orgUnitIds) {
    parts.push(withinUnit(columns.orgUnitId, unit));
  }
  if (columns.agencyId && filter.agencyIds.length) {
    parts.push(
      sql`${columns.agencyId} in (${sql.join(
        filter.agencyIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  }
  if (columns.agencyIdsArray && filter.agencyIds.length) {
    parts.push(
      sql`${columns.agencyIdsArray} && array[${sql.join(
        filter.agencyIds.map((id) => sql`${id}`),
        sql`, `,
      )}]::uuid[]`,
    );
  }
  if (columns.ownerUserId && filter.ownerUserIds.length) {
    parts.push(
      sql`${columns.ownerUserId} in (${sql.join(
        filter.ownerUserIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  }
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` or `)})`;
}
