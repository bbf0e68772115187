import type { Permission, Scope } from './permissions.ts';
import { canAccess, grantsFor, isWithinOrgUnit, type Actor, type Assignment } from './scope.ts';

/** What an administrator asks to give: a role's permissions, at a place, with a reach. */
export interface GrantRequest {
  permissions: readonly Permission[];
  orgUnitId: string;
  agencyId: string | null;
  /** The org unit the agency belongs to; an assignment's agency must sit inside its unit. */
  agencyOrgUnitId: string | null;
  scope: Scope;
}

export type GrantRefusal =
  | { reason: 'no_user_management' }
  | { reason: 'agency_outside_unit' }
  | { reason: 'target_outside_scope' }
  | { reason: 'permission_not_held'; permission: Permission }
  | { reason: 'scope_too_wide'; permission: Permission };

/** Does a grant the actor holds reach at least as far as the requested assignment? */
export function grantCovers(held: Assignment, request: Omit<GrantRequest, 'permissions' | 'agencyOrgUnitId'>): boolean {
  switch (held.scope) {
    case 'national':
      return true;
    case 'subtree':
      return request.scope !== 'national' && isWithinOrgUnit(request.orgUnitId, held.orgUnitId);
    case 'agency':
      return (request.scope === 'agency' || request.scope === 'own') && held.agencyId !== null && request.agencyId === held.agencyId;
    case 'own':
      return request.scope === 'own' && isWithinOrgUnit(request.orgUnitId, held.orgUnitId);
  }
}

/**
 * No escalation: an administrator may grant an assignment only where they manage users, and only
 * permissions they hold themselves with at least the requested reach at that place.
 * Returns null when the grant is allowed, otherwise why not.
 */
export function checkGrant(actor: Actor, request: GrantRequest): GrantRefusal | null {
  if (grantsFor(actor, 'manage:users').length === 0) return { reason: 'no_user_management' };
  if (request.agencyId && (!request.agencyOrgUnitId || !isWithinOrgUnit(request.agencyOrgUnitId, request.orgUnitId))) {
    return { reason: 'agency_outside_unit' };
  }
  if (!canAccess(actor, 'manage:users', { orgUnitId: request.orgUnitId, agencyId: request.agencyId })) {
    return { reason: 'target_outside_scope' };
  }
  for (const permission of request.permissions) {
    const held = grantsFor(actor, permission);
    if (held.length === 0) return { reason: 'permission_not_held', permission };
    if (!held.some((grant) => grantCovers(grant, request))) return { reason: 'scope_too_wide', permission };
  }
  return null;
}

/** Roles are national definitions: only someone holding manage:roles nationally edits them, and
 * a role may only contain permissions its editor holds. */
export function checkRoleEdit(actor: Actor, permissions: readonly Permission[]): GrantRefusal | null {
  const manage = grantsFor(actor, 'manage:roles');
  if (!manage.some((grant) => grant.scope === 'national')) return { reason: 'target_outside_scope' };
  for (const permission of permissions) {
    if (grantsFor(actor, permission).length === 0) return { reason: 'permission_not_held', permission };
  }
  return null;
}

/** An assignment a user already holds, as far as the takeover rule needs it. */
export interface HeldAssignment {
  permissions: readonly Permission[];
  orgUnitId: string;
  agencyId: string | null;
  scope: Scope;
}

/**
 * No takeover: an administrator may manage (edit, disable, reset the password of, end the sessions
 * of) a user only when the user's home is within reach and every assignment the user holds is one
 * the administrator could have granted. Otherwise a unit administrator could reset the password of
 * a national administrator who happens to live in the unit, and log in as them.
 */
export function canManageUser(
  actor: Actor,
  target: { userId: string; orgUnitId: string; agencyId: string | null; assignments: readonly HeldAssignment[] },
): boolean {
  if (!canAccess(actor, 'manage:users', { orgUnitId: target.orgUnitId, agencyId: target.agencyId, ownerUserId: target.userId })) {
    return false;
  }
  return target.assignments.every((assignment) => {
    if (!canAccess(actor, 'manage:users', { orgUnitId: assignment.orgUnitId, agencyId: assignment.agencyId })) return false;
    return assignment.permissions.every((permission) => grantsFor(actor, permission).some((grant) => grantCovers(grant, assignment)));
  });
}
