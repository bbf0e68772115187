import { agencies, orgUnits, reportSchedules, type Database } from '@atmis/db';
import { REPORT_STATUS_LABELS, type Actor, type ReportDetail, type ReportTemplateDefinition } from '@atmis/domain';
import { vietnamToday } from '@atmis/domain/plans/index';
import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log.ts';
import type { ReportDocumentModel } from './export/report-document-model.ts';
import { renderReportDocx } from './export/report-docx.ts';
import { renderReportXlsx } from './export/report-xlsx.ts';
import { standingOfficeAgencyOf } from './reports.repository.ts';
import type { createReportsService } from './reports.service.ts';

const parentAgency = alias(agencies, 'parent_agency');

/** "Quý I năm 2026" → "quý I năm 2026", to follow the template's name in a title. */
const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

/** The stored report as a document: the reporting agency (under its governing body), period, template and content. */
export function createReportExportService(
  { db, clock }: { db: Database; clock: () => Date },
  reports: ReturnType<typeof createReportsService>,
) {
  async function model(report: ReportDetail): Promise<ReportDocumentModel> {
    const [agency] = await db
      .select({ name: agencies.name, parentName: parentAgency.name })
      .from(agencies)
      .leftJoin(parentAgency, eq(parentAgency.id, agencies.parentId))
      .where(eq(agencies.id, report.agencyId));
    const [unit] = await db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, report.orgUnitId));
    const [schedule] = await db
      .select({ recipientAgencyId: reportSchedules.recipientAgencyId })
      .from(reportSchedules)
      .where(eq(reportSchedules.id, report.scheduleId));
    const recipientId =
      report.kind === 'consolidated' ? await standingOfficeAgencyOf(db, report.recipientOrgUnitId) : (schedule?.recipientAgencyId ?? null);
    const recipient = recipientId
      ? (await db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, recipientId)))[0]
      : undefined;
    return {
      issuerParent: agency?.parentName ? agency.parentName.toLocaleUpperCase('vi') : null,
      issuerName: (agency?.name ?? report.agencyName).toLocaleUpperCase('vi'),
      number: null,
      symbol: null,
      place: unit?.name ?? report.orgUnitName,
      date: (report.submittedAt ?? vietnamToday(clock())).slice(0, 10),
      title: `${report.template.name} ${lowerFirst(report.period.label)}`,
      periodLabel: report.period.label,
      window: { start: report.period.start, end: report.period.end },
      kind: report.kind,
      status: report.status,
      statusLabel: REPORT_STATUS_LABELS[report.status].vi,
      definition: report.template.definition as ReportTemplateDefinition,
      content: report.content,
      recipients: recipient ? [`${recipient.name};`] : [],
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
