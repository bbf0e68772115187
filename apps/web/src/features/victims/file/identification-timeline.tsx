import {
  EVIDENCE_SOURCE_LABELS,
  IDENTIFICATION_INDICATOR_LABELS,
  IDENTIFICATION_STATUS_LABELS,
  IDENTIFICATION_TRANSITION_LABELS,
  type IdentificationIndicator,
  type IdentificationTransition,
  type VictimFileDetail,
} from '@atmis/domain';
import { Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';

type IdentificationEvent = NonNullable<VictimFileDetail['identificationHistory']>[number];

const COLORS: Record<IdentificationTransition, string> = {
  start_verification: 'blue',
  decide_victim: 'red',
  decide_not_victim: 'gray',
  revise: 'orange',
};

/** The identification steps of one person, oldest first; a revision names the decision it set aside. */
export function IdentificationTimeline({
  events,
  all,
  testId,
}: {
  events: IdentificationEvent[];
  all: IdentificationEvent[];
  testId: string;
}) {
  const { t } = useTranslation();
  if (events.length === 0) return <Typography.Text type="secondary">{t('victimFile.identification.noHistory')}</Typography.Text>;
  return (
    <Timeline
      data-testid={testId}
      items={events.map((event) => {
        const revised = event.revisedEventId ? all.find((candidate) => candidate.id === event.revisedEventId) : undefined;
        return {
          key: event.id,
          color: COLORS[event.transition],
          title: formatDate(event.onDate),
          content: (
            <Space orientation="vertical" size={2} data-testid={`identification-event-${event.id}`}>
              <Space wrap size={6}>
                <Typography.Text strong>{pickLabel(IDENTIFICATION_TRANSITION_LABELS[event.transition])}</Typography.Text>
                <Typography.Text type="secondary">
                  {pickLabel(IDENTIFICATION_STATUS_LABELS[event.fromStatus])} → {pickLabel(IDENTIFICATION_STATUS_LABELS[event.toStatus])}
                </Typography.Text>
              </Space>
              {event.decisionNumber && event.decisionDate && (
                <span>
                  {t('victimFile.identification.decision', { number: event.decisionNumber, date: formatDate(event.decisionDate) })}
                </span>
              )}
              {event.decidingAgency && <span>{t('victimFile.identification.decidedBy', { agency: event.decidingAgency })}</span>}
              {event.legalBasis && (
                <Typography.Text type="secondary">
                  {t('victimFile.identification.legalBasis')}: {event.legalBasis}
                </Typography.Text>
              )}
              {event.evidenceSources.length > 0 && (
                <div>
                  <Typography.Text type="secondary">{t('victimFile.identification.evidence')}:</Typography.Text>
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {event.evidenceSources.map((source) => (
                      <li key={source}>
                        {EVIDENCE_SOURCE_LABELS[source].point}) {pickLabel(EVIDENCE_SOURCE_LABELS[source])}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {event.indicators.length > 0 && (
                <Space wrap size={[4, 4]}>
                  {event.indicators.map((indicator) => (
                    <Tag key={indicator}>{pickLabel(IDENTIFICATION_INDICATOR_LABELS[indicator as IdentificationIndicator], indicator)}</Tag>
                  ))}
                </Space>
              )}
              {event.reason && (
                <span>
                  {t('common.reason')}: {event.reason}
                </span>
              )}
              {revised?.decisionNumber && revised.decisionDate && (
                <Typography.Text type="secondary">
                  {t('victimFile.identification.revised', { number: revised.decisionNumber, date: formatDate(revised.decisionDate) })}
                </Typography.Text>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(event.createdAt)}
              </Typography.Text>
            </Space>
          ),
        };
      })}
    />
  );
}
