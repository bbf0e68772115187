import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import { SUPPORT_TYPE_LABELS, SUPPORT_TYPES, type SupportType } from '@atmis/domain';
import { Button, DatePicker, Empty, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/auth/use-me.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { DATE_FORMAT, formatNumber, formatValidity } from '../../../lib/format.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';
import { type SupportRateView, useSupportRates } from '../../victims/index.ts';
import { CodeSelect } from '../../../components/code-select.tsx';
import { RateEndModal } from './rate-end-modal.tsx';
import { RateModal } from './rate-modal.tsx';

/**
 * Support rates (định mức hỗ trợ): amounts set nationally or by a province, each with its validity
 * and legal basis; filtered by type and by the day they apply. Holders of manage:support add rates
 * and end them; the server decides per unit.
 */
export function RatesTab() {
  const { t, i18n } = useTranslation();
  const canManage = useCan('manage:support');
  const [type, setType] = useState<SupportType>();
  const [on, setOn] = useState<string>();
  const [isAdding, setAdding] = useState(false);
  const [ending, setEnding] = useState<SupportRateView | null>(null);
  const rates = useSupportRates({ type, on });
  const items = rates.data?.items ?? [];

  return (
    <>
      <div className="atmis-toolbar">
        <CodeSelect
          codes={SUPPORT_TYPES}
          labels={SUPPORT_TYPE_LABELS}
          value={type}
          onChange={(next) => setType(next as SupportType | undefined)}
          allowClear
          placeholder={t('victims.rates.filterType')}
          testId="rate-filter-type"
          style={{ width: 300 }}
        />
        <span data-testid="rate-filter-on">
          <DatePicker
            value={on ? dayjs(on, 'YYYY-MM-DD') : null}
            onChange={(date) => setOn(date ? date.format('YYYY-MM-DD') : undefined)}
            format={DATE_FORMAT}
            placeholder={t('victims.rates.filterOn')}
            aria-label={t('victims.rates.filterOn')}
          />
        </span>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="rate-add">
            {t('victims.rates.add')}
          </Button>
        )}
      </div>
      <ErrorAlert error={rates.error} onRetry={() => void rates.refetch()} testId="rate-table-error" />
      <Table<SupportRateView>
        data-testid="rate-table"
        rowKey="id"
        size="middle"
        loading={rates.isLoading || rates.isFetching}
        dataSource={items}
        pagination={false}
        scroll={{ x: 1300 }}
        locale={{ emptyText: <Empty description={type || on ? t('common.noResults') : t('victims.rates.empty')} /> }}
        onRow={(rate) => ({ 'data-testid': `rate-row-${rate.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('victims.rates.type'),
            dataIndex: 'type',
            width: 240,
            render: (value: SupportType) => pickLabel(SUPPORT_TYPE_LABELS[value]),
          },
          {
            title: t('victims.rates.unit'),
            dataIndex: 'orgUnitName',
            width: 180,
          },
          {
            title: t('victims.rates.amount'),
            key: 'amount',
            width: 190,
            align: 'right',
            render: (_, rate) => (
              <span data-testid={`rate-amount-${rate.id}`}>
                {formatNumber(rate.amountVnd, i18n.language)} đ{' '}
                <Typography.Text type="secondary">{t(`victims.rates.perShort.${rate.per}`)}</Typography.Text>
              </span>
            ),
          },
          {
            title: t('victims.rates.validity'),
            key: 'validity',
            width: 220,
            render: (_, rate) => (
              <>
                {formatValidity(rate.validFrom, rate.validTo, t('common.present'))}
                {rate.validTo && rate.validTo < dayjs().format('YYYY-MM-DD') && (
                  <Tag style={{ marginInlineStart: 6 }}>{t('victims.rates.expired')}</Tag>
                )}
              </>
            ),
          },
          { title: t('victims.rates.legalBasis'), dataIndex: 'legalBasis', width: 300 },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 170,
                  fixed: 'right' as const,
                  render: (_: unknown, rate: SupportRateView) => (
                    <Button size="small" icon={<StopOutlined />} onClick={() => setEnding(rate)} data-testid={`rate-end-${rate.id}`}>
                      {t('victims.rates.end')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {isAdding && <RateModal onClose={() => setAdding(false)} />}
      {ending && <RateEndModal rate={ending} onClose={() => setEnding(null)} />}
    </>
  );
}
