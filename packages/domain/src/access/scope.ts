import type { Permission, Scope } from './permissions.ts';

/** One role held at a place: the unit of authority. */
export interface Assignment {
  id: string;
  roleId: string;
  roleCode: string;
  permissions: readonly Permission[];
  orgUnitId: string;
  agencyId: string | null;
  scope: Scope;
}

/** Who is acting. Built by the server from the session; the only input to every access decision. */
export interface Actor {
  userId: string;
  username: string;
  orgUnitId: string;
  agencyId: string | null;
  assignments: readonly Assignment[];
}

/** What a record exposes to the policy: who owns it and where it sits. */
export interface ScopedRecord {
  orgUnitId: string;
  agencyId?: string | null | undefined;
  /** Records addressed to several agencies (a task's lead, coordinating and requested bodies):
   * an agency grant for any of them reaches the record. */
  agencyIds?: readonly string[] | undefined;
  ownerUserId?: string | null | undefined;
}

/**
 * The part of the data an actor may reach for one permission, as a union of three kinds of
 * condition. The server turns the same value into a SQL WHERE clause, so lists, details, search,
 * exports and counts all apply the very same rule as `matchesScope`.
 */
export type ScopeFilter =
  { kind: 'all' } | { kind: 'none' } | { kind: 'some'; orgUnitIds: string[]; agencyIds: string[]; ownerUserIds: string[] };

/** Org-unit ids are paths (`VN.31.11311`), so containment is a prefix test. */
export function isWithinOrgUnit(unitId: string, ancestorId: string): boolean {
  return unitId === ancestorId || unitId.startsWith(`${ancestorId}.`);
}

export function grantsFor(actor: Actor, permission: Permission): Assignment[] {
  return actor.assignments.filter((assignment) => assignment.permissions.includes(permission));
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return grantsFor(actor, permission).length > 0;
}

export function scopeFilterFor(actor: Actor, permission: Permission): ScopeFilter {
  const grants = grantsFor(actor, permission);
  if (grants.length === 0) return { kind: 'none' };
  if (grants.some((grant) => grant.scope === 'national')) return { kind: 'all' };
  const orgUnitIds = new Set<string>();
  const agencyIds = new Set<string>();
  const ownerUserIds = new Set<string>();
  for (const grant of grants) {
    if (grant.scope === 'subtree') orgUnitIds.add(grant.orgUnitId);
    else if (grant.scope === 'agency') {
      // An agency scope without an agency reaches nothing (it must not fall back to anything wider).
      if (grant.agencyId) agencyIds.add(grant.agencyId);
    } else if (grant.scope === 'own') ownerUserIds.add(actor.userId);
  }
  // A unit inside another granted unit adds nothing: keep the filter (and the SQL) small.
  const units = [...orgUnitIds].filter((unit) => ![...orgUnitIds].some((other) => other !== unit && isWithinOrgUnit(unit, other)));
  return { kind: 'some', orgUnitIds: units.sort(), agencyIds: [...agencyIds].sort(), ownerUserIds: [...ownerUserIds] };
}

export function matchesScope(filter: ScopeFilter, record: ScopedRecord): boolean {
  if (filter.kind === 'all') return true;
  if (filter.kind === 'none') return false;
  if (filter.orgUnitIds.some((unit) => isWithinOrgUnit(record.orgUnitId, unit))) return true;
  if (record.agencyId && filter.agencyIds.includes(record.agencyId)) return true;
  if (record.agencyIds?.some((id) => filter.agencyIds.includes(id))) return true;
  return Boolean(record.ownerUserId && filter.ownerUserIds.includes(record.ownerUserId));
}

export function canAccess(actor: Actor, permission: Permission, record: ScopedRecord): boolean {
  return matchesScope(scopeFilterFor(actor, permission), record);
}
