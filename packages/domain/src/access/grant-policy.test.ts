import { describe, expect, it } from 'vitest';
import { canManageUser, type HeldAssignment } from './grant-policy.ts';
import type { Actor } from './scope.ts';
import { SYSTEM_ROLES } from './system-roles.ts';

const role = (code: string) => SYSTEM_ROLES.find((r) => r.code === code)!.permissions;

const provincialAdmin: Actor = {
  userId: 'admin-31',
  username: 'tinh.thuongtruc',
  orgUnitId: 'VN.31',
  agencyId: null,
  assignments: [
    {
      id: 'a1',
      roleId: 'r1',
      roleCode: 'unit_admin',
      permissions: role('unit_admin'),
      orgUnitId: 'VN.31',
      agencyId: null,
      scope: 'subtree',
    },
    {
      id: 'a2',
      roleId: 'r2',
      roleCode: 'standing_office',
      permissions: role('standing_office'),
      orgUnitId: 'VN.31',
      agencyId: null,
      scope: 'subtree',
    },
  ],
};

const officer: HeldAssignment = { permissions: role('department_officer'), orgUnitId: 'VN.31', agencyId: 'ag-yte', scope: 'agency' };
const home = { userId: 'target', orgUnitId: 'VN.31', agencyId: 'ag-yte' };

describe('no takeover when managing a user', () => {
  it('allows a user at home in the unit whose assignments the administrator could have granted', () => {
    expect(canManageUser(provincialAdmin, { ...home, assignments: [officer] })).toBe(true);
    expect(canManageUser(provincialAdmin, { ...home, assignments: [] })).toBe(true);
  });
  it('refuses a user at home in the unit who holds a national system administrator assignment', () => {
    const national: HeldAssignment = { permissions: role('system_admin'), orgUnitId: 'VN', agencyId: null, scope: 'national' };
    expect(canManageUser(provincialAdmin, { ...home, assignments: [officer, national] })).toBe(false);
  });
  it('refuses a user holding an assignment in another unit, or a wider reach, or a permission the administrator lacks', () => {
    expect(
      canManageUser(provincialAdmin, { ...home, assignments: [{ ...officer, orgUnitId: 'VN.01', agencyId: null, scope: 'subtree' }] }),
    ).toBe(false);
    expect(canManageUser(provincialAdmin, { ...home, assignments: [{ ...officer, agencyId: null, scope: 'national' }] })).toBe(false);
    expect(
      canManageUser(provincialAdmin, {
        ...home,
        assignments: [{ ...officer, permissions: ['manage:roles'], agencyId: null, scope: 'subtree' }],
      }),
    ).toBe(false);
  });
  it('refuses a user whose home is outside the unit', () => {
    expect(canManageUser(provincialAdmin, { userId: 'x', orgUnitId: 'VN.01', agencyId: null, assignments: [] })).toBe(false);
  });
});
