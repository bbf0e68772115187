import { ArrowRightOutlined } from '@ant-design/icons';
import type { ReportDetail } from '@atmis/domain';
import { Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { periodLabel } from './report-labels.ts';
import { ReportDueDate, ReportKindTag, ReportStatusTag } from './report-status-tag.tsx';

/** Who reports to whom, for which period, by when, and where the report stands. */
export function ReportHeader({ report }: { report: ReportDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <Card style={{ marginBottom: 16 }} data-testid="report-header">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          {
            key: 'route',
            label: t('reportWork.header.route'),
            span: { xs: 1, md: 2, xl: 2 },
            children: (
              <Space wrap size={6} data-testid="report-route">
                <span>
                  {report.agencyName}
                  <Typography.Text type="secondary"> ({report.orgUnitName})</Typography.Text>
                </span>
                <ArrowRightOutlined aria-label={t('reportWork.header.sentTo')} />
                <span>{report.recipientOrgUnitName}</span>
              </Space>
            ),
          },
          {
            key: 'status',
            label: t('reportWork.header.status'),
            children: (
              <Space size={4} wrap>
                <ReportStatusTag status={report.status} />
                <ReportKindTag kind={report.kind} />
              </Space>
            ),
          },
          {
            key: 'period',
            label: t('reportWork.header.period'),
            children: (
              <span>
                {periodLabel(report.period, i18n.language)}{' '}
                <Typography.Text type="secondary">
                  ({formatDate(report.period.start)} – {formatDate(report.period.end)})
                </Typography.Text>
              </span>
            ),
          },
          { key: 'due', label: t('reportWork.header.dueDate'), children: <ReportDueDate report={report} showOnTime /> },
          {
            key: 'submitted',
            label: t('reportWork.header.firstSubmittedAt'),
            children: report.firstSubmittedAt ? (
              <span data-testid="report-first-submitted">
                {formatDateTime(report.firstSubmittedAt)}
                {report.submittedAt && report.submittedAt !== report.firstSubmittedAt && (
                  <Typography.Text type="secondary">
                    {' '}
                    · {t('reportWork.header.lastSubmittedAt', { time: formatDateTime(report.submittedAt) })}
                  </Typography.Text>
                )}
              </span>
            ) : (
              <Typography.Text type="secondary">{t('reportWork.header.notSubmitted')}</Typography.Text>
            ),
          },
          {
            key: 'template',
            label: t('reportWork.header.template'),
            children: t('reportWork.header.templateVersion', { name: report.templateName, version: report.templateVersion }),
          },
          { key: 'updated', label: t('reportWork.header.updatedAt'), children: formatDateTime(report.updatedAt) },
        ]}
      />
    </Card>
  );
}
