import { REPORT_STATUS_LABELS, REPORT_STATUSES, type ReportDetail, type ReportStatus } from '@atmis/domain';
import { Link } from '@tanstack/react-router';
import { Alert, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';
import { eventActionLabel } from './report-labels.ts';
import { ReportStatusTag } from './report-status-tag.tsx';

type ReportEvent = ReportDetail['events'][number];

const ACTION_COLORS: Record<string, string> = {
  save: 'gray',
  submit: 'blue',
  resubmit: 'blue',
  return: 'orange',
  accept: 'green',
  lock: 'purple',
  unlock: 'red',
  extend: 'gold',
  consolidate: 'cyan',
};

const isStatus = (value: string | null): value is ReportStatus => value !== null && (REPORT_STATUSES as readonly string[]).includes(value);
const statusLabel = (value: string | null) => (isStatus(value) ? pickLabel(REPORT_STATUS_LABELS[value], value) : (value ?? ''));

const newestFirst = (events: ReportEvent[]) => [...events].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

/** The comment that sent the report back (return, or unlock), shown above the form while it is returned. */
export function ReturnedNotice({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  if (report.status !== 'returned') return null;
  const event = newestFirst(report.events).find(
    (item) => item.toStatus === 'returned' && (item.action === 'return' || item.action === 'unlock'),
  );
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="report-returned-notice"
      title={t('reportWork.returned.title')}
      description={
        event ? (
          <>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4, fontSize: 15 }} data-testid="report-return-comment">
              {event.comment ?? '—'}
            </Typography.Paragraph>
            <Typography.Text type="secondary">
              {t('reportWork.returned.by', {
                actor: event.actorName ?? t('reportWork.events.system'),
                time: formatDateTime(event.createdAt),
              })}
            </Typography.Text>
          </>
        ) : undefined
      }
    />
  );
}

/** Every transition with who, when and the comment; return comments stand out. */
export function ReportEventsTimeline({ events }: { events: ReportEvent[] }) {
  const { t } = useTranslation();
  if (events.length === 0) return <Empty description={t('reportWork.events.empty')} data-testid="report-events" />;
  return (
    <Timeline
      data-testid="report-events"
      items={newestFirst(events).map((event) => ({
        key: event.id,
        color: ACTION_COLORS[event.action] ?? 'gray',
        content: (
          <div data-testid={`report-event-${event.action}`}>
            <Space wrap size={6}>
              <Tag color={ACTION_COLORS[event.action] ?? 'default'}>{eventActionLabel(event.action, t)}</Tag>
              <Typography.Text type="secondary">
                {formatDateTime(event.createdAt)} · {event.actorName ?? t('reportWork.events.system')}
              </Typography.Text>
            </Space>
            {event.fromStatus && event.toStatus && event.fromStatus !== event.toStatus && (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('reportWork.events.statusChange', { from: statusLabel(event.fromStatus), to: statusLabel(event.toStatus) })}
                </Typography.Text>
              </div>
            )}
            {event.comment &&
              (event.action === 'return' || event.action === 'unlock' ? (
                <Alert type="warning" style={{ marginTop: 4, whiteSpace: 'pre-wrap' }} title={event.comment} />
              ) : (
                <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{event.comment}</Typography.Paragraph>
              ))}
          </div>
        ),
      }))}
    />
  );
}

/** "Đơn vị đã tổng hợp": the unit reports a consolidated report sums, each a link to that report. */
export function ConsolidationSources({ consolidation }: { consolidation: NonNullable<ReportDetail['consolidation']> }) {
  const { t } = useTranslation();
  return (
    <div data-testid="report-consolidation-sources">
      {consolidation.consolidatedAt && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('reportWork.consolidation.at', { time: formatDateTime(consolidation.consolidatedAt) })}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('reportWork.contributions.hint')}
      </Typography.Paragraph>
      {consolidation.sources.length === 0 ? (
        <Typography.Text type="secondary">{t('reportWork.consolidation.none')}</Typography.Text>
      ) : (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {consolidation.sources.map((source) => (
            <li
              key={source.id}
              data-testid={`report-source-${source.id}`}
              style={{ display: 'flex', justifyContent: 'space-between', gap: 8, padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}
            >
              <Link to="/reports/$id" params={{ id: source.id }}>
                {source.agencyName}
              </Link>
              <ReportStatusTag status={source.status} testId={`report-source-status-${source.id}`} />
            </li>
          ))}
        </ul>
      )}
      {consolidation.leftOut.length > 0 && (
        <div data-testid="report-consolidation-left-out" style={{ marginTop: 12 }}>
          <Typography.Text strong type="warning">
            {t('reportWork.consolidation.leftOut', { count: consolidation.leftOut.length })}
          </Typography.Text>
          <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {consolidation.leftOut.map((unit) => (
              <li key={unit.id} data-standing={unit.standing} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
                <Link to="/reports/$id" params={{ id: unit.id }}>
                  {unit.agencyName}
                </Link>{' '}
                — {t(`reportWork.consolidation.leftOutReasons.${unit.standing}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
