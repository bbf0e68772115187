import {
  EXPLOITATION_FORM_LABELS,
  EXPLOITATION_FORMS,
  RECEPTION_WAY_LABELS,
  RECEPTION_WAYS,
  SUPPORT_TYPE_LABELS,
  SUPPORT_TYPES,
  UNKNOWN_DESTINATION,
} from '@atmis/domain';
import { Card, Col, Row, Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../lib/countries.ts';
import { formatNumber } from '../../../lib/format.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';
import type { VictimStatistics } from '../api/victims-api.ts';

type Count = number | null;

/** A count, or "—" where a small count (or a cell that would give one back) is hidden so that nobody can be recognised from it. */
export function CountCell({ value, threshold, testId }: { value: Count; threshold: number; testId?: string }) {
  const { t, i18n } = useTranslation();
  if (value === null)
    return (
      <Tooltip title={t('victims.statistics.suppressedHelp', { threshold })}>
        <span data-testid={testId} data-suppressed="true" tabIndex={0} style={{ cursor: 'help', borderBottom: '1px dotted' }}>
          —
        </span>
      </Tooltip>
    );
  return <span data-testid={testId}>{formatNumber(value, i18n.language)}</span>;
}

interface CountRow {
  key: string;
  label: string;
  counts: Record<string, Count>;
}

function CountTable({
  name,
  title,
  rows,
  columns,
  threshold,
  firstColumn,
}: {
  name: string;
  title: string;
  rows: CountRow[];
  columns: { key: string; title: string }[];
  threshold: number;
  firstColumn: string;
}) {
  const { t } = useTranslation();
  const tableColumns: ColumnsType<CountRow> = [
    { title: firstColumn, dataIndex: 'label', key: 'label' },
    ...columns.map((column) => ({
      title: column.title,
      key: column.key,
      align: 'right' as const,
      width: 110,
      render: (_: unknown, row: CountRow) => (
        <CountCell value={row.counts[column.key] ?? null} threshold={threshold} testId={`stats-${row.key}-${column.key}`} />
      ),
    })),
  ];
  return (
    <Card size="small" title={title} style={{ height: '100%' }}>
      <Table<CountRow>
        data-testid={`stats-table-${name}`}
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={tableColumns}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('victims.statistics.none') }}
      />
    </Card>
  );
}

/** Destination countries with the most persons first; the unknown destination last. */
function destinationRows(byDestination: Record<string, Count>, language: string, unknownLabel: string): CountRow[] {
  return Object.entries(byDestination)
    .sort(([a, x], [b, y]) => (a === UNKNOWN_DESTINATION ? 1 : b === UNKNOWN_DESTINATION ? -1 : (y ?? 0) - (x ?? 0) || a.localeCompare(b)))
    .map(([code, count]) => ({
      key: `destination-${code}`,
      label: code === UNKNOWN_DESTINATION ? unknownLabel : countryName(code, language),
      counts: { count },
    }));
}

/**
 * The statistics of victims for a unit and a window: received and identified by sex and age band,
 * then by form of exploitation, destination country, way of return and support given.
 */
export function StatisticsTables({ statistics }: { statistics: VictimStatistics }) {
  const { t, i18n } = useTranslation();
  const threshold = statistics.threshold;
  const sexAgeColumns = ['total', 'female', 'male', 'age_under_16', 'age_16_17', 'age_18_plus', 'age_unknown'].map((key) => ({
    key,
    title: t(`victims.statistics.columns.${key}`),
  }));
  const count = (value: Count | undefined) => value ?? null;

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <CountTable
          name="sex-age"
          title={t('victims.statistics.sexAge')}
          firstColumn={t('victims.statistics.group')}
          threshold={threshold}
          columns={sexAgeColumns}
          rows={[
            { key: 'received', label: t('victims.statistics.received'), counts: statistics.received },
            { key: 'identified', label: t('victims.statistics.identified'), counts: statistics.identified },
          ]}
        />
      </Col>
      <Col span={24}>
        <CountTable
          name="exploitation"
          title={t('victims.statistics.byExploitation')}
          firstColumn={t('victims.statistics.exploitationForm')}
          threshold={threshold}
          columns={['total', 'female', 'male', 'children'].map((key) => ({ key, title: t(`victims.statistics.columns.${key}`) }))}
          rows={EXPLOITATION_FORMS.filter((form) => form in statistics.byExploitation).map((form) => ({
            key: `exploitation-${form}`,
            label: pickLabel(EXPLOITATION_FORM_LABELS[form]),
            counts: statistics.byExploitation[form] ?? {},
          }))}
        />
      </Col>
      <Col xs={24} lg={12}>
        <CountTable
          name="destination"
          title={t('victims.statistics.byDestination')}
          firstColumn={t('victims.statistics.country')}
          threshold={threshold}
          columns={[{ key: 'count', title: t('victims.statistics.columns.persons') }]}
          rows={destinationRows(statistics.byDestination, i18n.language, t('victims.statistics.unknownDestination'))}
        />
      </Col>
      <Col xs={24} lg={12}>
        <CountTable
          name="return"
          title={t('victims.statistics.byReturn')}
          firstColumn={t('victims.statistics.way')}
          threshold={threshold}
          columns={[{ key: 'count', title: t('victims.statistics.columns.persons') }]}
          rows={RECEPTION_WAYS.map((way) => ({
            key: `return-${way}`,
            label: pickLabel(RECEPTION_WAY_LABELS[way]),
            counts: { count: count(statistics.byReturn[way]) },
          }))}
        />
      </Col>
      <Col span={24}>
        <CountTable
          name="support"
          title={t('victims.statistics.bySupport')}
          firstColumn={t('victims.statistics.supportType')}
          threshold={threshold}
          columns={[{ key: 'count', title: t('victims.statistics.columns.persons') }]}
          rows={[
            ...SUPPORT_TYPES.map((type) => ({
              key: `support-${type}`,
              label: pickLabel(SUPPORT_TYPE_LABELS[type]),
              counts: { count: count(statistics.supported[type]) },
            })),
            { key: 'supported-persons', label: t('victims.statistics.supportedPersons'), counts: { count: statistics.supportedPersons } },
          ]}
        />
      </Col>
    </Row>
  );
}
