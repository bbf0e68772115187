import type { AgencyMatch, PlanImportView } from '@atmis/domain';
import { App, Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AgencySelect } from '../../../components/agency-select.tsx';
import { useNotifyError } from '../../../components/use-notify-error.ts';
import { useUpdatePlanImport } from '../api/plan-imports-api.ts';

/** Names still without a registry agency stand out in red. */
export const UNMATCHED_ROW: React.CSSProperties = { background: '#fff1f0' };
const SOURCE_COLORS: Record<AgencyMatch['source'], string> = { exact: 'green', similar: 'blue', manual: 'purple', none: 'red' };

/** Every agency name as written, its registry match (with score), and a picker to map the unmatched. */
export function ImportAgencyMapping({ view, isEditable }: { view: PlanImportView; isEditable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const update = useUpdatePlanImport(view.id);
  const unmatched = view.agencyMatches.filter((match) => !match.agencyId).length;
  const leadUnmapped = new Set(view.unmappedLeadNames);

  async function map(name: string, agencyId: string | null) {
    try {
      await update.mutateAsync({ agencyMappings: [{ name, agencyId }] });
      message.success(agencyId ? t('planImport.mapped', { name }) : t('planImport.unmapped', { name }));
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <Card
      title={t('planImport.agencyMapping')}
      extra={
        unmatched > 0 ? (
          <Tag color="red" data-testid="import-unmatched-count">
            {t('planImport.unmatchedCount', { count: unmatched })}
          </Tag>
        ) : null
      }
      style={{ marginBottom: 16 }}
      data-testid="import-agency-mapping"
    >
      <Typography.Paragraph type="secondary">{t('planImport.agencyMappingIntro')}</Typography.Paragraph>
      <Table<AgencyMatch>
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={view.agencyMatches}
        scroll={{ x: 760 }}
        onRow={(match, index) =>
          ({
            'data-testid': `import-agency-row-${index}`,
            'data-matched': match.agencyId ? 'true' : 'false',
            style: match.agencyId ? undefined : UNMATCHED_ROW,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t('planImport.nameAsWritten'),
            dataIndex: 'name',
            render: (name: string) => (
              <>
                <Typography.Text strong>{name}</Typography.Text>
                {leadUnmapped.has(name) && (
                  <Tag color="volcano" style={{ marginInlineStart: 8 }}>
                    {t('planImport.leadUnmapped')}
                  </Tag>
                )}
              </>
            ),
          },
          {
            title: t('planImport.matchedAgency'),
            key: 'agency',
            width: 360,
            render: (_, match, index) =>
              isEditable ? (
                <AgencySelect
                  value={match.agencyId}
                  onChange={(agencyId) => void map(match.name, agencyId)}
                  knownOptions={match.agencyId && match.agencyName ? [{ value: match.agencyId, label: match.agencyName }] : []}
                  placeholder={t('planImport.mapPlaceholder')}
                  testId={`import-agency-select-${index}`}
                />
              ) : (
                (match.agencyName ?? '—')
              ),
          },
          {
            title: t('planImport.score'),
            key: 'score',
            width: 190,
            render: (_, match) => (
              <Tag color={SOURCE_COLORS[match.source]} data-testid={`import-agency-source-${match.source}`}>
                {t(`planImport.source.${match.source}`)}
                {match.source === 'similar' ? ` (${Math.round(match.score * 100)}%)` : ''}
              </Tag>
            ),
          },
        ]}
      />
    </Card>
  );
}
