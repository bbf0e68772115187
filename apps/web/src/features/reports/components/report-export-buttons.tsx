import { useTranslation } from 'react-i18next';
import { ExportButtons } from '../../../components/export-buttons.tsx';
import { reportExportUrls } from '../api/reports-api.ts';

/** "Tải .docx" and "Tải .xlsx": the stored report (unsaved changes are not in it). */
export function ReportExportButtons({ reportId, baseName }: { reportId: string; baseName: string }) {
  const { t } = useTranslation();
  return (
    <ExportButtons
      urls={reportExportUrls(reportId)}
      baseName={baseName}
      labels={{ docx: t('reportWork.actions.exportDocx'), xlsx: t('reportWork.actions.exportXlsx') }}
      testIdPrefix="report-export"
    />
  );
}
