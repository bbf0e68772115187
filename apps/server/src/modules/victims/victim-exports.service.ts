import {
  type Actor,
  AGE_BAND_LABELS,
  ageBand,
  canAccess,
  EXPLOITATION_FORM_LABELS,
  type ExploitationForm,
  type Guardian,
  IDENTIFICATION_STATUS_LABELS,
  type IdentificationStatus,
  isTreatedAsChild,
  PERSON_ROLE_LABELS,
  type PersonRole,
  RECEPTION_WAY_LABELS,
  type ReceptionWay,
  SEX_LABELS,
  type Sex,
  SUPPORT_TYPE_LABELS,
  type SupportType,
  formatVietnamDate,
} from '@atmis/domain';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log.ts';
import { AAD, ageFactsOf, invalid, requireAnyPermission, todayOf, type VictimDeps } from './victim-access.ts';
import { renderVictimExportXlsx, type ExportPersonRow } from './victim-export-xlsx.ts';
import {
  countPersonsInFiles,
  exportExploitation,
  exportFileCondition,
  exportFiles,
  exportPersons,
  exportReferredPersonIds,
  exportSupportTypes,
  userFullName,
} from './victim-exports.repository.ts';
import type { VictimFileFilter } from './victim-list.repository.ts';
import { orgUnitNamesById } from '../org-units/index.ts';
import { receiverAgencyIds } from './victims.repository.ts';

/** One export is one workbook an official can open: beyond this the filter must be narrowed. */
export const VICTIM_EXPORT_MAX_ROWS = 20_000;

/** The filter as the audit trail and the sheet record it: never the searched name or number. */
function describedFilter(filter: VictimFileFilter) {
  const recorded = {
    orgUnitId: filter.orgUnitId ?? null,
    status: filter.status ?? null,
    fileStatus: filter.fileStatus ?? null,
    receivedFrom: filter.receivedFrom ?? null,
    receivedTo: filter.receivedTo ?? null,
    searchedByName: Boolean(filter.q),
    searchedByNumber: Boolean(filter.citizenId),
  };
  const words = [
    recorded.orgUnitId ? `đơn vị ${recorded.orgUnitId}` : '',
    recorded.status ? `tình trạng "${IDENTIFICATION_STATUS_LABELS[recorded.status].vi}"` : '',
    recorded.fileStatus ? (recorded.fileStatus === 'open' ? 'hồ sơ đang mở' : 'hồ sơ đã đóng') : '',
    recorded.receivedFrom ? `tiếp nhận từ ${formatVietnamDate(recorded.receivedFrom)}` : '',
    recorded.receivedTo ? `tiếp nhận đến ${formatVietnamDate(recorded.receivedTo)}` : '',
    recorded.searchedByName || recorded.searchedByNumber ? 'có tìm theo tên hoặc số giấy tờ' : '',
  ].filter(Boolean);
  return { recorded, text: words.join('; ') };
}

/** The province of an administrative unit path ('VN.31.11383' → 'VN.31'; old units 'VN.L31…' → 'VN.L31'). */
const provinceOf = (unitId: string | null) => (unitId ? unitId.split('.').slice(0, 2).join('.') : null);
const labelsOf = <T extends string>(codes: readonly T[], labels: Readonly<Record<T, { vi: string }>>) =>
  [...new Set(codes)].map((code) => labels[code]?.vi ?? code).join('; ');
/** Phones are stored as +84…; officials write them 0…. */
const nationalPhone = (phone: string | null) => (phone?.startsWith('+84') ? `0${phone.slice(3)}` : (phone ?? ''));

/**
 * The list exports: the de-identified one for anyone who reads the list (same reach and filters),
 * the identified one for export:victim_identity, only over files whose identity the exporter may
 * reveal through the file itself (never a file reached only through a referral).
 */
export function createVictimExportsService({ db, clock, cipher }: VictimDeps) {
  async function collect(actor: Actor, filter: VictimFileFilter, identified: boolean) {
    // The identified export: only the files whose identity the exporter may reveal through the file itself.
    const where = exportFileCondition(
      cipher,
      actor,
      filter,
      identified ? (['read:victims', 'read:victim_identity', 'export:victim_identity'] as const) : [],
    );
    const count = await countPersonsInFiles(db, where);
    if (count > VICTIM_EXPORT_MAX_ROWS) {
      throw invalid({
        filter: `Danh sách có ${count.toLocaleString('vi-VN')} người, vượt quá ${VICTIM_EXPORT_MAX_ROWS.toLocaleString('vi-VN')} dòng của một lần xuất: hãy thu hẹp bộ lọc (đơn vị, khoảng ngày tiếp nhận, tình trạng).`,
      });
    }
    const files = await exportFiles(db, where);
    if (!files.length) return { rows: [], fileIds: [] };
    const persons = await exportPersons(db, where);
    const exploitation = new Map((await exportExploitation(db, where)).map((row) => [row.personId, row]));
    // The support given or under way, never the planned or the cancelled.
    const supports = new Map<string, SupportType[]>();
    for (const row of await exportSupportTypes(db, where, ['in_progress', 'completed'])) {
      supports.set(row.personId, [...(supports.get(row.personId) ?? []), row.type]);
    }
    // Files reached only through a referral: the referred persons only, as in the detail.
    const receiving = receiverAgencyIds(actor);
    const referred = new Set(receiving.length ? await exportReferredPersonIds(db, where, receiving) : []);
    const units = await orgUnitNamesById(db, [
      ...persons.map((person) => provinceOf(person.homeOrgUnitId)),
      ...(identified ? persons.map((person) => person.homeOrgUnitId) : []),
    ]);
    const byFile = new Map<string, typeof persons>();
    for (const person of persons) byFile.set(person.fileId, [...(byFile.get(person.fileId) ?? []), person]);

    const rows: ExportPersonRow[] = [];
    for (const file of files) {
      const record = { orgUnitId: file.orgUnitId, agencyId: file.agencyId };
      const canView = canAccess(actor, 'read:victims', record);
      const canViewSupport = canAccess(actor, 'read:support', record);
      const direct = canView || canViewSupport;
      for (const person of byFile.get(file.id) ?? []) {
        if (!direct && !referred.has(person.id)) continue;
        const facts = ageFactsOf(person);
        const exploited = canView ? exploitation.get(person.id) : undefined;
        const row: ExportPersonRow = {
          reference: file.reference,
          unitName: file.unitName,
          receivedOn: formatVietnamDate(file.receivedOn),
          receptionWay: RECEPTION_WAY_LABELS[file.receptionWay as ReceptionWay]?.vi ?? file.receptionWay,
          fromCountry: file.fromCountry ?? '',
          role: PERSON_ROLE_LABELS[person.role as PersonRole]?.vi ?? person.role,
          sex: SEX_LABELS[person.sex as Sex]?.vi ?? person.sex,
          ageBand: AGE_BAND_LABELS[ageBand(facts, file.receivedOn)].vi,
          treatedAsChild: isTreatedAsChild(facts, file.receivedOn) ? 'Có' : 'Không',
          identificationStatus: person.identificationStatus
            ? IDENTIFICATION_STATUS_LABELS[person.identificationStatus as IdentificationStatus].vi
            : '',
          exploitationForms: exploited ? labelsOf(exploited.forms as ExploitationForm[], EXPLOITATION_FORM_LABELS) : '',
          destinationCountry: exploited?.destination ?? '',
          homeProvince: units.get(provinceOf(person.homeOrgUnitId) ?? '') ?? '',
          supportTypes: canViewSupport || !direct ? labelsOf(supports.get(person.id) ?? [], SUPPORT_TYPE_LABELS) : '',
          fileStatus: file.status === 'closed' ? 'Đã đóng' : 'Đang mở',
        };
        if (identified) {
          const guardian = cipher.decryptJson<Guardian>(person.guardianEnc, AAD.guardian);
          row.identity = {
            fullName: cipher.decrypt(person.fullNameEnc, AAD.fullName),
            otherNames: (cipher.decryptJson<string[]>(person.otherNamesEnc, AAD.otherNames) ?? []).join('; '),
            dateOfBirth: person.dateOfBirth ? formatVietnamDate(person.dateOfBirth) : person.birthYear ? String(person.birthYear) : '',
            citizenId: cipher.decryptNullable(person.citizenIdEnc, AAD.citizenId) ?? '',
            passportNumber: cipher.decryptNullable(person.passportEnc, AAD.passport) ?? '',
            phone: nationalPhone(cipher.decryptNullable(person.phoneEnc, AAD.phone)),
            homeCommune: person.homeOrgUnitId ? (units.get(person.homeOrgUnitId) ?? person.homeOrgUnitId) : '',
            homeAddress: cipher.decryptNullable(person.homeAddressEnc, AAD.homeAddress) ?? '',
            guardian: guardian
              ? `${guardian.fullName} (${guardian.relationship})${guardian.phone ? `, ${nationalPhone(guardian.phone)}` : ''}`
              : '',
          };
        }
        rows.push(row);
      }
    }
    return { rows, fileIds: files.map((file) => file.id) };
  }

  async function render(
    actor: Actor,
    filter: VictimFileFilter,
    options: { identified: boolean; reason?: string },
    context: AuditContext,
  ): Promise<{ buffer: Buffer; fileName: string }> {
    requireAnyPermission(actor, ['read:victims', 'read:support']);
    const { rows, fileIds } = await collect(actor, filter, options.identified);
    const described = describedFilter(filter);
    const now = clock();
    const fullName = await userFullName(db, actor.userId);
    const buffer = await renderVictimExportXlsx({
      identified: options.identified,
      generatedAt: now.toISOString(),
      exportedBy: `${fullName ?? actor.username} (${actor.username})`,
      filterText: described.text,
      ...(options.reason ? { reason: options.reason } : {}),
      rows,
    });
    await db.transaction((tx) =>
      recordAudit(
        tx,
        context,
        options.identified
          ? {
              action: 'victim.exported_identified',
              entityType: 'victim_file',
              orgUnitId: actor.orgUnitId,
              details: {
                reason: options.reason,
                filter: described.recorded,
                rowCount: rows.length,
                fileCount: fileIds.length,
                fileIds: fileIds.slice(0, 1000),
              },
            }
          : {
              action: 'victim.exported',
              entityType: 'victim_file',
              orgUnitId: actor.orgUnitId,
              details: { filter: described.recorded, rowCount: rows.length },
            },
        now,
      ),
    );
    return { buffer, fileName: `ho-so-nan-nhan${options.identified ? '-mat' : ''}-${todayOf(clock)}.xlsx` };
  }

  return {
    exportDeidentified: (actor: Actor, filter: VictimFileFilter, context: AuditContext) =>
      render(actor, filter, { identified: false }, context),
    exportIdentified: (actor: Actor, body: { reason: string; filter?: VictimFileFilter | undefined }, context: AuditContext) =>
      render(actor, body.filter ?? {}, { identified: true, reason: body.reason }, context),
  };
}
