import { REPORT_STATUS_LABELS, type ReportView } from '@atmis/domain';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';
import type { ReportStatus } from '../api/reports-api.ts';

const STATUS_COLORS: Record<ReportStatus, string> = {
  not_started: 'default',
  draft: 'processing',
  submitted: 'cyan',
  returned: 'orange',
  resubmitted: 'geekblue',
  accepted: 'green',
  locked: 'purple',
};

export function ReportStatusTag({ status, testId = 'report-status' }: { status: ReportStatus; testId?: string }) {
  useTranslation(); // re-render on language change
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {pickLabel(REPORT_STATUS_LABELS[status], status)}
    </Tag>
  );
}

export function ReportKindTag({ kind }: { kind: ReportView['kind'] }) {
  const { t } = useTranslation();
  if (kind !== 'consolidated') return null;
  return (
    <Tag color="gold" data-testid="report-kind-consolidated">
      {t('reportWork.kinds.consolidated')}
    </Tag>
  );
}

type Timing = Pick<ReportView, 'dueDate' | 'dueDateExtended' | 'overdue' | 'late' | 'firstSubmittedAt'>;

/** The due date (red once it has passed without a submission) with its markers: extended, late, overdue, on time. */
export function ReportDueDate({ report, showOnTime = false }: { report: Timing; showOnTime?: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Typography.Text type={report.overdue ? 'danger' : undefined} strong={report.overdue} data-testid="report-due-date">
        {formatDate(report.dueDate)}
      </Typography.Text>
      {report.dueDateExtended && (
        <Tooltip title={t('reportWork.timing.extendedHint')}>
          <Tag color="blue" data-testid="report-due-extended">
            {t('reportWork.timing.extended')}
          </Tag>
        </Tooltip>
      )}
      {report.overdue && (
        <Tag color="red" data-testid="report-overdue">
          {t('reportWork.timing.overdue')}
        </Tag>
      )}
      {report.late && (
        <Tag color="volcano" data-testid="report-late">
          {t('reportWork.timing.late')}
        </Tag>
      )}
      {showOnTime && report.firstSubmittedAt && !report.late && (
        <Tag color="green" data-testid="report-on-time">
          {t('reportWork.timing.onTime')}
        </Tag>
      )}
    </Space>
  );
}
