import { describe, expect, it } from 'vitest';
import type { Permission, Scope } from '../access/permissions.ts';
import type { Actor, Assignment } from '../access/scope.ts';
import { SYSTEM_ROLES } from '../access/system-roles.ts';
import { visibleFileSections, victimRelationsOf, type VictimAccessRecord } from './victims-policy.ts';
import { VICTIM_FILE_SECTIONS } from './referral.ts';

function permissionsOf(roleCode: string): readonly Permission[] {
  return SYSTEM_ROLES.find((role) => role.code === roleCode)!.permissions;
}

function actor(
  ...assignments: { role: string; orgUnitId: string; agencyId?: string | null; scope: Scope; permissions?: Permission[] }[]
): Actor {
  return {
    userId: 'u1',
    username: 'canbo',
    orgUnitId: assignments[0]?.orgUnitId ?? 'VN',
    agencyId: assignments[0]?.agencyId ?? null,
    assignments: assignments.map((assignment, index): Assignment => ({
      id: `a${index}`,
      roleId: `r${index}`,
      roleCode: assignment.role,
      permissions: assignment.permissions ?? permissionsOf(assignment.role),
      orgUnitId: assignment.orgUnitId,
      agencyId: assignment.agencyId ?? null,
      scope: assignment.scope,
    })),
  };
}

/** A file received by the police of Lào Cai province (VN.15), commune VN.15.02680, referred to a shelter. */
const FILE: VictimAccessRecord = { orgUnitId: 'VN.15.02680', agencyId: 'police-laocai', activeReferralAgencyIds: ['shelter-laocai'] };

describe('victimRelationsOf', () => {
  it('the provincial standing office sees and manages everything, identity and support included', () => {
    const relations = victimRelationsOf(actor({ role: 'standing_office', orgUnitId: 'VN.15', scope: 'subtree' }), FILE);
    expect(relations).toEqual({
      canView: true,
      canManage: true,
      canRevealIdentity: true,
      canViewSupport: true,
      canManageSupport: true,
      isReferralReceiver: false,
      referralCanRevealIdentity: false,
    });
  });
  it('a commune officer of the file’s commune sees it; one of another commune or province does not', () => {
    expect(victimRelationsOf(actor({ role: 'commune_officer', orgUnitId: 'VN.15.02680', scope: 'subtree' }), FILE).canView).toBe(true);
    const otherCommune = victimRelationsOf(actor({ role: 'commune_officer', orgUnitId: 'VN.15.02683', scope: 'subtree' }), FILE);
    expect(otherCommune).toMatchObject({ canView: false, canManage: false, canRevealIdentity: false, canViewSupport: false });
    expect(victimRelationsOf(actor({ role: 'standing_office', orgUnitId: 'VN.01', scope: 'subtree' }), FILE).canView).toBe(false);
  });
  it('a court or procuracy officer sees no support records (and no victim file)', () => {
    const relations = victimRelationsOf(actor({ role: 'judicial_officer', orgUnitId: 'VN.15', scope: 'subtree' }), FILE);
    expect(relations.canViewSupport).toBe(false);
    expect(relations.canView).toBe(false);
    expect(visibleFileSections(relations).sections).toEqual([]);
  });
  it('even with read:victims, a role without read:support does not see the support sections', () => {
    const reader = actor({ role: 'case_reader', orgUnitId: 'VN.15', scope: 'subtree', permissions: ['read:victims', 'read:cases'] });
    const relations = victimRelationsOf(reader, FILE);
    expect(relations).toMatchObject({ canView: true, canRevealIdentity: false, canViewSupport: false });
    const { sections, identityMasked } = visibleFileSections(relations);
    expect(sections).not.toContain('support_plan');
    expect(sections).not.toContain('support_records');
    expect(sections).not.toContain('needs');
    expect(sections).toContain('statements');
    expect(identityMasked).toBe(true);
  });
  it('identity needs read:victim_identity in scope, not just anywhere', () => {
    const split = actor(
      { role: 'reader', orgUnitId: 'VN.15', scope: 'subtree', permissions: ['read:victims'] },
      { role: 'identity', orgUnitId: 'VN.01', scope: 'subtree', permissions: ['read:victim_identity'] },
    );
    expect(victimRelationsOf(split, FILE)).toMatchObject({ canView: true, canRevealIdentity: false });
  });
  it('an agency-scoped grant reaches the files of its own agency', () => {
    const police = actor({ role: 'commune_officer', orgUnitId: 'VN.15', agencyId: 'police-laocai', scope: 'agency' });
    expect(victimRelationsOf(police, FILE).canView).toBe(true);
    const other = actor({ role: 'commune_officer', orgUnitId: 'VN.15', agencyId: 'police-yenbai', scope: 'agency' });
    expect(victimRelationsOf(other, FILE).canView).toBe(false);
  });
  it('an officer of the receiving shelter is a referral receiver, not a viewer of the whole file', () => {
    const shelter = actor({ role: 'department_officer', orgUnitId: 'VN.15', agencyId: 'shelter-laocai', scope: 'agency' });
    const relations = victimRelationsOf(shelter, FILE);
    expect(relations).toMatchObject({
      canView: false,
      canRevealIdentity: false,
      isReferralReceiver: true,
      referralCanRevealIdentity: false,
    });
    expect(visibleFileSections(relations)).toEqual({
      sections: ['identity', 'identification', 'needs', 'support_plan', 'support_records', 'protection_summary'],
      identityMasked: true,
    });
  });
  it('a receiving officer holding read:victim_identity for that agency sees the identity unmasked', () => {
    const shelter = actor({
      role: 'shelter_case_worker',
      orgUnitId: 'VN.15',
      agencyId: 'shelter-laocai',
      scope: 'agency',
      permissions: ['read:support', 'manage:support', 'read:victim_identity'],
    });
    const relations = victimRelationsOf(shelter, FILE);
    expect(relations.referralCanRevealIdentity).toBe(true);
    expect(visibleFileSections(relations).identityMasked).toBe(false);
  });
  it('an administrator of the receiving agency is not a receiver (no victim or support permission)', () => {
    const admin = actor({ role: 'unit_admin', orgUnitId: 'VN.15', agencyId: 'shelter-laocai', scope: 'agency' });
    expect(victimRelationsOf(admin, FILE).isReferralReceiver).toBe(false);
  });
  it('once the referral is over, the shelter sees nothing', () => {
    const shelter = actor({ role: 'department_officer', orgUnitId: 'VN.15', agencyId: 'shelter-laocai', scope: 'agency' });
    const relations = victimRelationsOf(shelter, { ...FILE, activeReferralAgencyIds: [] });
    expect(relations.isReferralReceiver).toBe(false);
    expect(visibleFileSections(relations).sections).toEqual([]);
  });
});

describe('visibleFileSections', () => {
  it('a social-affairs officer with read:support over the province sees support, with the identity masked', () => {
    const officer = actor({ role: 'department_officer', orgUnitId: 'VN.15', agencyId: 'doh-laocai', scope: 'subtree' });
    const relations = victimRelationsOf(officer, FILE);
    expect(relations).toMatchObject({ canView: false, canViewSupport: true, canManageSupport: true });
    expect(visibleFileSections(relations)).toEqual({
      sections: ['identity', 'identification', 'needs', 'support_plan', 'support_records'],
      identityMasked: true,
    });
  });
  it('a full viewer sees every section, statements and evidence included', () => {
    const relations = victimRelationsOf(actor({ role: 'standing_office', orgUnitId: 'VN', scope: 'national' }), FILE);
    const { sections, identityMasked } = visibleFileSections(relations);
    expect(sections).toEqual([...VICTIM_FILE_SECTIONS]);
    expect(sections).toEqual(
      expect.arrayContaining(['statements', 'evidence', 'case_links', 'protection_details', 'support_records', 'repatriation']),
    );
    expect(identityMasked).toBe(false);
  });
});
