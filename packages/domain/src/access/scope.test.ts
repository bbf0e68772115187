import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkGrant, checkRoleEdit } from './grant-policy.ts';
import { PERMISSIONS, SCOPES, type Permission, type Scope } from './permissions.ts';
import { canAccess, isWithinOrgUnit, matchesScope, scopeFilterFor, type Actor, type Assignment } from './scope.ts';
import { SYSTEM_ROLES } from './system-roles.ts';

const role = (code: string) => SYSTEM_ROLES.find((r) => r.code === code)!.permissions;

function actor(...assignments: Partial<Assignment>[]): Actor {
  return {
    userId: 'user-1',
    username: 'tester',
    orgUnitId: 'VN.31',
    agencyId: 'agency-ca',
    assignments: assignments.map((a, index) => ({
      id: `a${index}`,
      roleId: 'r',
      roleCode: 'r',
      permissions: ['read:users'],
      orgUnitId: 'VN.31',
      agencyId: null,
      scope: 'subtree',
      ...a,
    })),
  };
}

describe('org-unit containment', () => {
  it('treats a unit as inside itself and its ancestors, not inside a sibling with a longer code', () => {
    expect(isWithinOrgUnit('VN.31.11383', 'VN.31')).toBe(true);
    expect(isWithinOrgUnit('VN.31', 'VN.31')).toBe(true);
    expect(isWithinOrgUnit('VN.31', 'VN')).toBe(true);
    expect(isWithinOrgUnit('VN.310', 'VN.31')).toBe(false);
    expect(isWithinOrgUnit('VN.01', 'VN.31')).toBe(false);
    expect(isWithinOrgUnit('VN.L31.303', 'VN.31')).toBe(false);
  });
});

describe('record scope', () => {
  const commune = { orgUnitId: 'VN.31.11383' };
  it('a provincial subtree grant reaches its communes but not another province', () => {
    const provincial = actor({ scope: 'subtree', orgUnitId: 'VN.31' });
    expect(canAccess(provincial, 'read:users', commune)).toBe(true);
    expect(canAccess(provincial, 'read:users', { orgUnitId: 'VN.01.00004' })).toBe(false);
  });
  it('an agency grant reaches only that agency’s records', () => {
    const department = actor({ scope: 'agency', agencyId: 'agency-yte' });
    expect(canAccess(department, 'read:users', { orgUnitId: 'VN.31', agencyId: 'agency-yte' })).toBe(true);
    expect(canAccess(department, 'read:users', { orgUnitId: 'VN.31', agencyId: 'agency-ca' })).toBe(false);
  });
  it('an own grant reaches only the actor’s own records', () => {
    const own = actor({ scope: 'own' });
    expect(canAccess(own, 'read:users', { orgUnitId: 'VN.31', ownerUserId: 'user-1' })).toBe(true);
    expect(canAccess(own, 'read:users', { orgUnitId: 'VN.31', ownerUserId: 'user-2' })).toBe(false);
  });
  it('a permission not held reaches nothing, a national grant everything', () => {
    expect(canAccess(actor({}), 'read:victims', commune)).toBe(false);
    expect(canAccess(actor({ scope: 'national', orgUnitId: 'VN' }), 'read:users', { orgUnitId: 'VN.01.00004' })).toBe(true);
  });
  it('drops units already covered by a wider granted unit', () => {
    const filter = scopeFilterFor(actor({ orgUnitId: 'VN.31' }, { orgUnitId: 'VN.31.11383' }, { orgUnitId: 'VN.01' }), 'read:users');
    expect(filter).toEqual({ kind: 'some', orgUnitIds: ['VN.01', 'VN.31'], agencyIds: [], ownerUserIds: [] });
  });

  const unitArbitrary = fc.constantFrom('VN', 'VN.31', 'VN.31.11383', 'VN.31.11755', 'VN.01', 'VN.01.00004', 'VN.L31', 'VN.L31.303');
  const assignmentArbitrary = fc.record({
    scope: fc.constantFrom<Scope>(...SCOPES),
    orgUnitId: unitArbitrary,
    agencyId: fc.constantFrom(null, 'ag-1', 'ag-2'),
    permissions: fc.subarray<Permission>(['read:users', 'manage:users', 'read:plans']),
  });
  it('the filter (used to build SQL) and the per-record check always agree with the grants', () => {
    fc.assert(
      fc.property(
        fc.array(assignmentArbitrary, { maxLength: 4 }),
        unitArbitrary,
        fc.constantFrom(null, 'ag-1', 'ag-2'),
        fc.constantFrom(null, 'user-1', 'user-2'),
        fc.option(fc.subarray(['ag-1', 'ag-2', 'ag-3']), { nil: undefined }),
        (assignments, unit, agency, owner, agencyIds) => {
          const who = actor(...assignments);
          const record = { orgUnitId: unit, agencyId: agency, ownerUserId: owner, agencyIds };
          const direct = assignments.some(
            (a) =>
              a.permissions.includes('read:users') &&
              (a.scope === 'national' ||
                (a.scope === 'subtree' && isWithinOrgUnit(unit, a.orgUnitId)) ||
                (a.scope === 'agency' && a.agencyId !== null && (a.agencyId === agency || (agencyIds ?? []).includes(a.agencyId))) ||
                (a.scope === 'own' && owner === 'user-1')),
          );
          expect(matchesScope(scopeFilterFor(who, 'read:users'), record)).toBe(direct);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('no escalation when granting', () => {
  const provincialAdmin = actor(
    { roleCode: 'unit_admin', permissions: role('unit_admin'), scope: 'subtree', orgUnitId: 'VN.31' },
    { roleCode: 'standing_office', permissions: role('standing_office'), scope: 'subtree', orgUnitId: 'VN.31' },
  );
  const request = {
    permissions: role('department_officer'),
    orgUnitId: 'VN.31',
    agencyId: 'ag-yte',
    agencyOrgUnitId: 'VN.31',
    scope: 'agency' as Scope,
  };

  it('allows a role it holds, inside its unit, at a reach it holds', () => {
    expect(checkGrant(provincialAdmin, request)).toBeNull();
    expect(
      checkGrant(provincialAdmin, { ...request, orgUnitId: 'VN.31.11383', agencyId: null, agencyOrgUnitId: null, scope: 'subtree' }),
    ).toBeNull();
  });
  it('refuses permissions it does not hold', () => {
    expect(checkGrant(provincialAdmin, { ...request, permissions: role('system_admin') })).toMatchObject({ reason: 'permission_not_held' });
  });
  it('refuses a wider reach than its own', () => {
    expect(checkGrant(provincialAdmin, { ...request, scope: 'national' })).toMatchObject({ reason: 'scope_too_wide' });
  });
  it('refuses places outside its unit, and agencies outside the assigned unit', () => {
    expect(checkGrant(provincialAdmin, { ...request, orgUnitId: 'VN.01', agencyOrgUnitId: 'VN.01' })).toMatchObject({
      reason: 'target_outside_scope',
    });
    expect(checkGrant(provincialAdmin, { ...request, agencyOrgUnitId: 'VN.01' })).toMatchObject({ reason: 'agency_outside_unit' });
  });
  it('refuses everything to someone who does not manage users', () => {
    expect(checkGrant(actor({ permissions: role('department_officer') }), request)).toMatchObject({ reason: 'no_user_management' });
  });
  it('property: whatever is granted is covered by what the granter holds', () => {
    fc.assert(
      fc.property(
        fc.subarray<Permission>([...PERMISSIONS], { minLength: 1 }),
        fc.constantFrom('VN', 'VN.31', 'VN.31.11383', 'VN.01'),
        fc.constantFrom<Scope>(...SCOPES),
        (permissions, orgUnitId, scope) => {
          const allowed = checkGrant(provincialAdmin, { permissions, orgUnitId, agencyId: null, agencyOrgUnitId: null, scope }) === null;
          if (allowed) {
            const held = new Set(provincialAdmin.assignments.flatMap((a) => a.permissions));
            expect(permissions.every((p) => held.has(p))).toBe(true);
            expect(isWithinOrgUnit(orgUnitId, 'VN.31')).toBe(true);
            expect(scope).not.toBe('national');
          }
        },
      ),
    );
  });
  it('only a national role manager edits roles, and only with permissions it holds', () => {
    expect(checkRoleEdit(provincialAdmin, ['read:plans'])).toMatchObject({ reason: 'target_outside_scope' });
    const national = actor({ permissions: ['manage:roles', 'read:plans'], scope: 'national', orgUnitId: 'VN' });
    expect(checkRoleEdit(national, ['read:plans'])).toBeNull();
    expect(checkRoleEdit(national, ['read:victims'])).toMatchObject({ reason: 'permission_not_held', permission: 'read:victims' });
  });
});
