import { useTranslation } from 'react-i18next';
import { ExportButtons } from '../../../components/export-buttons.tsx';
import { planExportUrls } from '../api/plans-api.ts';

export function PlanExportButtons({ planId, baseName }: { planId: string; baseName: string }) {
  const { t } = useTranslation();
  return (
    <ExportButtons
      urls={planExportUrls(planId)}
      baseName={baseName}
      labels={{ docx: t('plans.exportDocx'), xlsx: t('plans.exportXlsx') }}
      testIdPrefix="plan-export"
    />
  );
}
