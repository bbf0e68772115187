import type { Permission } from '../access/permissions.ts';
import { canAccess, type Actor } from '../access/scope.ts';
import { REFERRAL_SECTIONS, VICTIM_FILE_SECTIONS, type VictimFileSection } from './referral.ts';

/**
 * What an actor is to a victim file. The file sits at an org unit and belongs to an agency (the
 * receiving one); agencies with an active referral (sent or accepted) reach only the referral
 * sections, and only through an assignment held for that agency that carries read:victims or
 * read:support (an administrator of the receiving agency sees nothing).
 */
export interface VictimAccessRecord {
  orgUnitId: string;
  agencyId: string | null;
  /** Receiving agencies of the file's active referrals. */
  activeReferralAgencyIds: readonly string[];
}

export interface VictimRelations {
  /** read:victims in scope: the file (sections per the flags below). */
  canView: boolean;
  /** manage:victims in scope: reception, identification, corrections. */
  canManage: boolean;
  /** read:victim_identity in scope (with canView): unmasked identity; every such read is audited. */
  canRevealIdentity: boolean;
  /** read:support in scope: support needs, plan and records (courts and procuracy do not have it). */
  canViewSupport: boolean;
  /** manage:support in scope. */
  canManageSupport: boolean;
  /** Acts for a receiving agency of an active referral: may see the referral sections. */
  isReferralReceiver: boolean;
  /** As a referral receiver, holds read:victim_identity for the receiving agency: identity unmasked there. */
  referralCanRevealIdentity: boolean;
}

const REFERRAL_READ_PERMISSIONS: readonly Permission[] = ['read:victims', 'read:support'];

export function victimRelationsOf(actor: Actor, record: VictimAccessRecord): VictimRelations {
  const scoped = { orgUnitId: record.orgUnitId, agencyId: record.agencyId };
  const canView = canAccess(actor, 'read:victims', scoped);
  const receiverGrants = actor.assignments.filter(
    (assignment) =>
      assignment.agencyId !== null &&
      record.activeReferralAgencyIds.includes(assignment.agencyId) &&
      assignment.permissions.some((permission) => REFERRAL_READ_PERMISSIONS.includes(permission)),
  );
  const isReferralReceiver = receiverGrants.length > 0;
  return {
    canView,
    canManage: canAccess(actor, 'manage:victims', scoped),
    canRevealIdentity: canView && canAccess(actor, 'read:victim_identity', scoped),
    canViewSupport: canAccess(actor, 'read:support', scoped),
    canManageSupport: canAccess(actor, 'manage:support', scoped),
    isReferralReceiver,
    referralCanRevealIdentity: receiverGrants.some((assignment) => assignment.permissions.includes('read:victim_identity')),
  };
}

const SUPPORT_SECTIONS: readonly VictimFileSection[] = ['needs', 'support_plan', 'support_records'];

/**
 * The sections of the file an actor may see, and whether identity is masked:
 * - read:victims in scope: everything, except the support sections without read:support;
 * - read:support in scope without read:victims (a social-affairs officer): masked identity, the
 *   identification status and the support sections;
 * - a referral receiver: the referral sections;
 * - otherwise nothing (the server answers 404).
 * The sections reached in several ways are merged; identity is unmasked if any way unmasks it.
 */
export function visibleFileSections(relations: VictimRelations): { sections: VictimFileSection[]; identityMasked: boolean } {
  const sections = new Set<VictimFileSection>();
  let identityMasked = true;
  if (relations.canView) {
    for (const section of VICTIM_FILE_SECTIONS) {
      if (!SUPPORT_SECTIONS.includes(section) || relations.canViewSupport) sections.add(section);
    }
    if (relations.canRevealIdentity) identityMasked = false;
  }
  if (relations.canViewSupport) {
    for (const section of ['identity', 'identification', ...SUPPORT_SECTIONS] as const) sections.add(section);
  }
  if (relations.isReferralReceiver) {
    for (const section of REFERRAL_SECTIONS) sections.add(section);
    if (relations.referralCanRevealIdentity) identityMasked = false;
  }
  return { sections: VICTIM_FILE_SECTIONS.filter((section) => sections.has(section)), identityMasked };
}
