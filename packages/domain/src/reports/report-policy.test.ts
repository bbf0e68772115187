import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scope } from '../access/permissions.ts';
import type { Actor } from '../access/scope.ts';
import { SYSTEM_ROLES } from '../access/system-roles.ts';
import {
  canTakeReportAction,
  REPORT_ACTIONS,
  reportActionsFor,
  reportPartiesOf,
  reportRelationsOf,
  type ReportAccessRecord,
  type ReportAction,
} from './report-policy.ts';
import { REPORT_STATUSES, type ReportStatus } from './report-status.ts';

interface Grant {
  role: string;
  orgUnitId: string;
  agencyId: string | null;
  scope: Scope;
}

/** An actor as the server builds it from the demo accounts. */
function actor(userId: string, orgUnitId: string, agencyId: string | null, grants: Grant[]): Actor {
  return {
    userId,
    username: userId,
    orgUnitId,
    agencyId,
    assignments: grants.map((grant, index) => ({
      id: `${userId}-${index}`,
      roleId: grant.role,
      roleCode: grant.role,
      permissions: SYSTEM_ROLES.find((role) => role.code === grant.role)!.permissions,
      orgUnitId: grant.orgUnitId,
      agencyId: grant.agencyId,
      scope: grant.scope,
    })),
  };
}

const PROVINCE = 'VN.31';
const COMMUNE_A = 'VN.31.10507';
const COMMUNE_B = 'VN.31.10510';

const provincialOffice = actor('tinh.thuongtruc', PROVINCE, 'T31.CA', [
  { role: 'standing_office', orgUnitId: PROVINCE, agencyId: 'T31.CA', scope: 'subtree' },
  { role: 'unit_admin', orgUnitId: PROVINCE, agencyId: 'T31.CA', scope: 'subtree' },
]);
const nationalOffice = actor('tw.thuongtruc', 'VN', 'TW.VPTT138', [
  { role: 'standing_office', orgUnitId: 'VN', agencyId: 'TW.VPTT138', scope: 'subtree' },
]);
const health = actor('so.yte', PROVINCE, 'a-syt', [
  { role: 'department_officer', orgUnitId: PROVINCE, agencyId: 'a-syt', scope: 'agency' },
]);
const interior = actor('so.noivu', PROVINCE, 'a-snv', [
  { role: 'department_officer', orgUnitId: PROVINCE, agencyId: 'a-snv', scope: 'agency' },
]);
const communeA = actor('xa.a', COMMUNE_A, 'X10507.UBND', [
  { role: 'commune_officer', orgUnitId: COMMUNE_A, agencyId: 'X10507.UBND', scope: 'subtree' },
]);
const court = actor('toaan', PROVINCE, 'T31.TAND', [
  { role: 'judicial_officer', orgUnitId: PROVINCE, agencyId: 'T31.TAND', scope: 'subtree' },
]);
const otherProvinceOffice = actor('tinh01', 'VN.01', 'T01.CA', [
  { role: 'standing_office', orgUnitId: 'VN.01', agencyId: 'T01.CA', scope: 'subtree' },
]);

const report = (fields: Partial<ReportAccessRecord>): ReportAccessRecord => ({
  orgUnitId: PROVINCE,
  agencyId: 'a-syt',
  recipientOrgUnitId: PROVINCE,
  status: 'draft',
  kind: 'unit',
  ...fields,
});
const healthReport = (status: ReportStatus = 'draft') => report({ status });
const interiorReport = (status: ReportStatus = 'draft') => report({ agencyId: 'a-snv', status });
const policeReport = (status: ReportStatus = 'draft') => report({ agencyId: 'T31.CA', status });
const courtReport = (status: ReportStatus = 'draft') => report({ agencyId: 'T31.TAND', status });
const communeReport = (orgUnitId: string, agencyId: string, status: ReportStatus = 'draft') => report({ orgUnitId, agencyId, status });
const consolidated = (status: ReportStatus = 'draft') =>
  report({ agencyId: 'T31.CA', recipientOrgUnitId: 'VN', kind: 'consolidated', status });
const otherProvinceConsolidated = (status: ReportStatus = 'submitted') =>
  report({ orgUnitId: 'VN.01', agencyId: 'T01.CA', recipientOrgUnitId: 'VN', kind: 'consolidated', status });

describe('a department (sở, ngành)', () => {
  it('writes, submits and resubmits its own report', () => {
    expect(reportRelationsOf(health, healthReport())).toEqual({ canView: true, isReporter: true, isReviewer: false });
    expect(reportActionsFor(health, healthReport('not_started'))).toEqual(['view', 'edit', 'export']);
    expect(reportActionsFor(health, healthReport('draft'))).toEqual(['view', 'edit', 'submit', 'export']);
    expect(reportActionsFor(health, healthReport('returned'))).toEqual(['view', 'edit', 'resubmit', 'export']);
  });

  it('cannot change, accept or lock its report once sent', () => {
    for (const status of ['submitted', 'resubmitted', 'accepted', 'locked'] as const) {
      expect(reportActionsFor(health, healthReport(status)), status).toEqual(['view', 'export']);
    }
  });

  it('sees nothing of another department’s report, a commune’s, or the consolidated report', () => {
    expect(reportActionsFor(health, interiorReport())).toEqual([]);
    expect(reportActionsFor(interior, healthReport())).toEqual([]);
    expect(reportActionsFor(health, communeReport(COMMUNE_A, 'X10507.UBND'))).toEqual([]);
    expect(reportActionsFor(health, consolidated('submitted'))).toEqual([]);
    expect(reportRelationsOf(health, consolidated())).toEqual({ canView: false, isReporter: false, isReviewer: false });
  });

  it('a court officer whose scope covers the whole province still sees only the court’s reports', () => {
    expect(reportActionsFor(court, courtReport())).toEqual(['view', 'edit', 'submit', 'export']);
    expect(reportActionsFor(court, healthReport())).toEqual([]);
    expect(reportActionsFor(court, communeReport(COMMUNE_A, 'X10507.UBND'))).toEqual([]);
  });
});

describe('the provincial standing office', () => {
  it('reviews every report addressed to the province, but cannot edit or submit a department’s', () => {
    expect(reportRelationsOf(provincialOffice, healthReport())).toEqual({ canView: true, isReporter: false, isReviewer: true });
    expect(reportActionsFor(provincialOffice, healthReport('draft'))).toEqual(['view', 'extend', 'export']);
    expect(reportActionsFor(provincialOffice, healthReport('submitted'))).toEqual(['view', 'return', 'accept', 'export']);
    expect(reportActionsFor(provincialOffice, healthReport('resubmitted'))).toEqual(['view', 'return', 'accept', 'export']);
    expect(reportActionsFor(provincialOffice, healthReport('accepted'))).toEqual(['view', 'lock', 'export']);
    expect(reportActionsFor(provincialOffice, healthReport('locked'))).toEqual(['view', 'unlock', 'export']);
    expect(reportActionsFor(provincialOffice, healthReport('returned'))).toEqual(['view', 'extend', 'export']);
    expect(reportActionsFor(provincialOffice, communeReport(COMMUNE_B, 'X10510.UBND', 'submitted'))).toEqual([
      'view',
      'return',
      'accept',
      'export',
    ]);
  });

  it('extends a unit’s deadline only while the report still awaits (re)submission', () => {
    const extendable = REPORT_STATUSES.filter((status) => canTakeReportAction(provincialOffice, healthReport(status), 'extend'));
    expect(extendable).toEqual(['not_started', 'draft', 'returned']);
  });

  it('writes its own unit report and its consolidated report, but cannot accept the consolidated one', () => {
    expect(reportActionsFor(provincialOffice, policeReport('draft'))).toEqual(['view', 'edit', 'submit', 'extend', 'export']);
    expect(reportRelationsOf(provincialOffice, consolidated())).toEqual({ canView: true, isReporter: true, isReviewer: false });
    expect(reportActionsFor(provincialOffice, consolidated('draft'))).toEqual(['view', 'edit', 'submit', 'export']);
    expect(reportActionsFor(provincialOffice, consolidated('submitted'))).toEqual(['view', 'export']);
    expect(reportActionsFor(provincialOffice, consolidated('returned'))).toEqual(['view', 'edit', 'resubmit', 'export']);
  });

  it('sees nothing of another province', () => {
    expect(reportActionsFor(provincialOffice, otherProvinceConsolidated())).toEqual([]);
    expect(reportActionsFor(otherProvinceOffice, healthReport('submitted'))).toEqual([]);
    expect(reportActionsFor(otherProvinceOffice, consolidated('submitted'))).toEqual([]);
  });
});

describe('the national level', () => {
  it('reviews the consolidated reports addressed to VN, from every province, without writing them', () => {
    expect(reportRelationsOf(nationalOffice, consolidated('submitted'))).toEqual({ canView: true, isReporter: false, isReviewer: true });
    expect(reportActionsFor(nationalOffice, consolidated('submitted'))).toEqual(['view', 'return', 'accept', 'export']);
    expect(reportActionsFor(nationalOffice, otherProvinceConsolidated('accepted'))).toEqual(['view', 'lock', 'export']);
    expect(reportActionsFor(nationalOffice, consolidated('draft'))).toEqual(['view', 'extend', 'export']);
  });

  it('does not review, or even see, what a department sends to its province: only the consolidated report', () => {
    // Reviewers act where their grant sits; VN contains VN.31, but the province reviews its own units.
    expect(reportRelationsOf(nationalOffice, healthReport('submitted'))).toEqual({ canView: false, isReporter: false, isReviewer: false });
    expect(reportActionsFor(nationalOffice, healthReport('accepted'))).toEqual([]);
  });
});

describe('communes', () => {
  it('a commune writes its own report and cannot see another commune’s', () => {
    expect(reportActionsFor(communeA, communeReport(COMMUNE_A, 'X10507.UBND', 'draft'))).toEqual(['view', 'edit', 'submit', 'export']);
    expect(reportActionsFor(communeA, communeReport(COMMUNE_B, 'X10510.UBND', 'draft'))).toEqual([]);
    expect(reportActionsFor(communeA, communeReport(COMMUNE_B, 'X10510.UBND', 'accepted'))).toEqual([]);
    expect(reportActionsFor(communeA, healthReport())).toEqual([]);
  });

  it('a commune cannot review, even a report it sends', () => {
    expect(reportActionsFor(communeA, communeReport(COMMUNE_A, 'X10507.UBND', 'submitted'))).toEqual(['view', 'export']);
  });
});

describe('the policy as a whole', () => {
  const actors = [provincialOffice, nationalOffice, health, interior, communeA, court, otherProvinceOffice];
  const records = fc.record({
    orgUnitId: fc.constantFrom(PROVINCE, COMMUNE_A, COMMUNE_B, 'VN.01', 'VN'),
    agencyId: fc.constantFrom('a-syt', 'a-snv', 'T31.CA', 'T31.TAND', 'X10507.UBND', 'X10510.UBND', 'T01.CA', 'TW.VPTT138'),
    recipientOrgUnitId: fc.constantFrom(PROVINCE, 'VN', 'VN.01'),
    status: fc.constantFrom(...REPORT_STATUSES),
    kind: fc.constantFrom('unit' as const, 'consolidated' as const),
  });

  it('property: actions come in REPORT_ACTIONS order and each follows from the relations', () => {
    fc.assert(
      fc.property(fc.constantFrom(...actors), records, (who, record) => {
        const relations = reportRelationsOf(who, record);
        const actions = reportActionsFor(who, record);
        expect(actions).toEqual(REPORT_ACTIONS.filter((action) => actions.includes(action)));
        expect(actions.includes('view')).toBe(relations.canView);
        expect(actions.includes('export')).toBe(relations.canView);
        if (relations.isReporter || relations.isReviewer) expect(relations.canView).toBe(true);
        const reporterOnly: ReportAction[] = ['edit', 'submit', 'resubmit'];
        const reviewerOnly: ReportAction[] = ['return', 'accept', 'lock', 'unlock', 'extend'];
        if (actions.some((action) => reporterOnly.includes(action))) expect(relations.isReporter).toBe(true);
        if (actions.some((action) => reviewerOnly.includes(action))) expect(relations.isReviewer).toBe(true);
        if (actions.includes('edit')) expect(['not_started', 'draft', 'returned']).toContain(record.status);
        for (const action of REPORT_ACTIONS) expect(canTakeReportAction(who, record, action)).toBe(actions.includes(action));
      }),
    );
  });

  it('parties follow the relations', () => {
    expect([...reportPartiesOf({ canView: true, isReporter: true, isReviewer: true })]).toEqual(['reporter', 'reviewer']);
    expect([...reportPartiesOf({ canView: true, isReporter: false, isReviewer: false })]).toEqual([]);
  });

  it('an actor with no report permission sees nothing', () => {
    const admin = actor('quantri', PROVINCE, 'T31.CA', [{ role: 'unit_admin', orgUnitId: PROVINCE, agencyId: 'T31.CA', scope: 'subtree' }]);
    expect(reportActionsFor(admin, policeReport('submitted'))).toEqual([]);
  });
});
