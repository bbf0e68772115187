import type { Database } from '@atmis/db';
import { REPORT_STATUS_LABELS, type Actor, type ReportDetail, type ReportTemplateDefinition } from '@atmis/domain';
import { vietnamToday } from '@atmis/domain/plans/index';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log.ts';
import type { ReportDocumentModel } from './export/report-document-model.ts';
import { renderReportDocx } from './export/report-docx.ts';
import { renderReportXlsx } from './export/report-xlsx.ts';
import { agencyName, agencyWithParent, orgUnitName, scheduleRecipientAgency, standingOfficeAgencyOf } from './reports.repository.ts';
import type { createReportsService } from './reports.service.ts';

/** "Quý I năm 2026" → "quý I năm 2026", to follow the template's name in a title. */
const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

/** The stored report as a document: the reporting agency (under its governing body), period, template and content. */
export function createReportExportService(
  { db, clock }: { db: Database; clock: () => Date },
  reports: ReturnType<typeof createReportsService>,
) {
  async function model(report: ReportDetail): Promise<ReportDocumentModel> {
    const agency = await agencyWithParent(db, report.agencyId);
    const unitName = await orgUnitName(db, report.orgUnitId);
    const recipientId =
      report.kind === 'consolidated'
        ? await standingOfficeAgencyOf(db, report.recipientOrgUnitId)
        : await scheduleRecipientAgency(db, report.scheduleId);
    const recipientName = recipientId ? await agencyName(db, recipientId) : null;
    return {
      issuerParent: agency?.parentName ? agency.parentName.toLocaleUpperCase('vi') : null,
      issuerName: (agency?.name ?? report.agencyName).toLocaleUpperCase('vi'),
      number: null,
      symbol: null,
      place: unitName ?? report.orgUnitName,
      date: (report.submittedAt ?? vietnamToday(clock())).slice(0, 10),
      title: `${report.template.name} ${lowerFirst(report.period.label)}`,
      periodLabel: report.period.label,
      window: { start: report.period.start, end: report.period.end },
      kind: report.kind,
      status: report.status,
      statusLabel: REPORT_STATUS_LABELS[report.status].vi,
      definition: report.template.definition as ReportTemplateDefinition,
      content: report.content,
      recipients: recipientName !== null ? [`${recipientName};`] : [],
      signer: { title: null, name: null },
    };
  }

  async function render(actor: Actor, id: string, format: 'docx' | 'xlsx', context: AuditContext) {
    const report = await reports.forExport(actor, id, 'vi');
    const document = await model(report);
    const buffer = format === 'docx' ? await renderReportDocx(document) : await renderReportXlsx(document);
    await db.transaction(async (tx) => {
      await recordAudit(
        tx,
        context,
        {
          action: 'report.exported',
          entityType: 'report',
          entityId: id,
          orgUnitId: report.orgUnitId,
          details: { format, periodId: report.period.id, status: report.status, version: report.version },
        },
        clock(),
      );
    });
    return { report, buffer };
  }

  return { model, render };
}
