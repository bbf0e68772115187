import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, foldedText, idColumn, updatedAt } from './columns.ts';

/**
 * Administrative units of every era in one tree. The id is the unit's path, so "is X inside Y" is a
 * prefix test both in SQL and in the pure policy code:
 *   VN                      the nation
 *   VN.01, VN.01.00004      provinces and communes since 2025-07-01 (two tiers)
 *   VN.L01, VN.L01.001, VN.L01.001.00001   the last pre-reform list (province, district, commune)
 */
export const orgUnits = pgTable(
  'org_units',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    level: text('level', { enum: ['national', 'province', 'district', 'commune'] }).notNull(),
    name: text('name').notNull(),
    fullName: text('full_name').notNull(),
    nameEn: text('name_en'),
    unitType: text('unit_type').notNull(),
    parentId: text('parent_id'),
    provinceCode: text('province_code'),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    successorId: text('successor_id'),
    searchKey: foldedText('search_key')
      .notNull()
      .generatedAlwaysAs(sql`vn_fold(full_name || ' ' || code)`),
  },
  (table) => [
    index('org_units_parent_idx').on(table.parentId),
    index('org_units_id_prefix_idx').using('btree', table.id.op('text_pattern_ops')),
    index('org_units_search_trgm_idx').using('gin', table.searchKey.op('gin_trgm_ops')),
    check('org_units_level_check', sql`${table.level} in ('national','province','district','commune')`),
  ],
);

/**
 * Agencies (cơ quan, đơn vị): the steering committees, standing offices and member bodies that own
 * work. Agencies are renamed and merged by reorganisations, so a row is never deleted: it gets a
 * validity end and a successor, and each rename is kept in agency_name_history.
 */
export const agencies = pgTable(
  'agencies',
  {
    id: idColumn(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    type: text('type').notNull(),
    parentId: uuid('parent_id'),
    orgUnitId: text('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    successorId: uuid('successor_id'),
    searchKey: foldedText('search_key')
      .notNull()
      .generatedAlwaysAs(sql`vn_fold(name || ' ' || coalesce(short_name, '') || ' ' || code)`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('agencies_org_unit_idx').on(table.orgUnitId),
    index('agencies_parent_idx').on(table.parentId),
    index('agencies_search_trgm_idx').using('gin', table.searchKey.op('gin_trgm_ops')),
  ],
);

export const agencyNameHistory = pgTable(
  'agency_name_history',
  {
    id: idColumn(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    name: text('name').notNull(),
    shortName: text('short_name'),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    reason: text('reason'),
    changedBy: uuid('changed_by'),
    createdAt: createdAt(),
  },
  (table) => [index('agency_name_history_agency_idx').on(table.agencyId)],
);
