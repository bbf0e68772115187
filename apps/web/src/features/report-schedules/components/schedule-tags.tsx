import { ClockCircleOutlined } from '@ant-design/icons';
import { REPORT_STATUS_LABELS, type ReportStatus } from '@atmis/domain';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SubmissionStateKind } from '../api/report-schedules-api.ts';

export const SUBMISSION_STATE_COLORS: Record<SubmissionStateKind, string> = {
  missing: 'default',
  draft: 'processing',
  submitted: 'cyan',
  late: 'orange',
  returned: 'magenta',
  accepted: 'green',
};

export function ScheduleActiveTag({ active, testId }: { active: boolean; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={active ? 'green' : 'default'} data-testid={testId} data-active={active ? 'true' : 'false'}>
      {t(active ? 'reportSetup.schedules.active' : 'reportSetup.schedules.inactive')}
    </Tag>
  );
}

/** A unit's standing for a period: Chưa nộp, Đang soạn, Đã nộp, Nộp muộn, Bị trả lại, Đã chấp nhận. */
export function SubmissionStateTag({ state, testId }: { state: SubmissionStateKind; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={SUBMISSION_STATE_COLORS[state]} data-testid={testId} data-state={state} style={{ marginInlineEnd: 4 }}>
      {t(`reportSetup.states.${state}`)}
    </Tag>
  );
}

export function OverdueTag({ testId }: { testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color="red" icon={<ClockCircleOutlined />} data-testid={testId} style={{ marginInlineEnd: 4 }}>
      {t('reportSetup.matrix.overdue')}
    </Tag>
  );
}

/** A report's workflow status with the domain's label (REPORT_STATUS_LABELS). */
export function ReportStatusTag({ status, testId }: { status: ReportStatus; testId?: string }) {
  const { i18n } = useTranslation();
  const label = REPORT_STATUS_LABELS[status];
  const color =
    status === 'accepted' || status === 'locked'
      ? 'green'
      : status === 'returned'
        ? 'magenta'
        : status === 'not_started'
          ? 'default'
          : 'blue';
  return (
    <Tag color={color} data-testid={testId} data-status={status}>
      {i18n.language === 'en' ? label.en : label.vi}
    </Tag>
  );
}
