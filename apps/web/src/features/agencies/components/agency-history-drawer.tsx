import type { AgencyView } from '@atmis/domain';
import { Drawer, Empty, Skeleton, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { formatDateTime, formatValidity } from '../../../lib/format.ts';
import { useAgencyHistory } from '../api/agencies-api.ts';

export function AgencyHistoryDrawer({ agency, onClose }: { agency: AgencyView; onClose: () => void }) {
  const { t } = useTranslation();
  const history = useAgencyHistory(agency.id);
  return (
    <Drawer
      open
      title={t('agencies.historyTitle', { name: agency.shortName ?? agency.name })}
      onClose={onClose}
      size={480}
      data-testid="agency-history-drawer"
    >
      <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />
      {history.isLoading ? (
        <Skeleton active />
      ) : !history.data || history.data.length === 0 ? (
        <Empty description={t('agencies.noHistory')} />
      ) : (
        <Timeline
          data-testid="agency-history"
          items={history.data.map((entry) => ({
            key: entry.id,
            color: entry.validTo ? 'gray' : 'green',
            content: (
              <>
                <Typography.Text strong>{entry.name}</Typography.Text>
                {entry.shortName && <Typography.Text type="secondary"> ({entry.shortName})</Typography.Text>}
                <div>{formatValidity(entry.validFrom, entry.validTo, t('common.present'))}</div>
                {entry.reason && <Typography.Text type="secondary">{entry.reason}</Typography.Text>}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(entry.createdAt)}
                  </Typography.Text>
                </div>
              </>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
