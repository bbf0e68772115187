import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, foldedText, idColumn, updatedAt } from './columns.ts';
import { agencies, orgUnits } from './reference.ts';

export const users = pgTable(
  'users',
  {
    id: idColumn(),
    username: text('username').notNull().unique(),
    fullName: text('full_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    /** The unit and agency the account belongs to: administrators see accounts inside their scope. */
    orgUnitId: text('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    agencyId: uuid('agency_id').references(() => agencies.id),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** The second factor's TOTP secret, field-encrypted like victims' identity (IDENTITY_ENCRYPTED_COLUMNS). */
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    searchKey: foldedText('search_key')
      .notNull()
      .generatedAlwaysAs(sql`vn_fold(full_name || ' ' || username)`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('users_org_unit_idx').on(table.orgUnitId),
    index('users_search_trgm_idx').using('gin', table.searchKey.op('gin_trgm_ops')),
    check('users_status_check', sql`${table.status} in ('active','disabled')`),
  ],
);

/** A role is a named set of permissions of the form `action:entity` (see packages/domain access). */
export const roles = pgTable('roles', {
  id: idColumn(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  description: text('description'),
  permissions: text('permissions').array().notNull(),
  requiresTotp: boolean('requires_totp').notNull().default(false),
  isSystem: boolean('is_system').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** A user holds a role at an org unit (and optionally for one agency) with a scope. */
export const userAssignments = pgTable(
  'user_assignments',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    roleId: uuid('role_id')
      .notNull()
      .references(() => roles.id),
    orgUnitId: text('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    agencyId: uuid('agency_id').references(() => agencies.id),
    scope: text('scope', { enum: ['own', 'agency', 'subtree', 'national'] }).notNull(),
    grantedBy: uuid('granted_by'),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
  },
  (table) => [
    index('user_assignments_user_idx').on(table.userId),
    check('user_assignments_scope_check', sql`${table.scope} in ('own','agency','subtree','national')`),
  ],
);

/** Server-side sessions; the cookie carries a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    isSecondFactorPending: boolean('is_second_factor_pending').notNull().default(false),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);

/** Columns of this schema holding field ciphertext (`v1:<keyId>:…`), for key rotation. */
export const IDENTITY_ENCRYPTED_COLUMNS = [{ table: 'users', column: 'totp_secret' }] as const;
