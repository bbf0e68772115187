import type { SupportType } from '@atmis/domain';
import { Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { useSupportRates, type SupportRateView } from '../api/victims-api.ts';
import { foldedSearch } from './support-form-kit.ts';

/**
 * The rates in force for a type of support on the support's day, in the file's unit (a province's
 * rates apply to its communes). Choosing one hands the rate to `onRateChosen` (to fill the amount).
 */
export function SupportRateField({
  type,
  on,
  orgUnitId,
  value,
  onChange,
  onRateChosen,
  id,
}: {
  type: SupportType;
  on: string;
  orgUnitId: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  onRateChosen: (rate: SupportRateView | null) => void;
  id?: string;
}) {
  const { t, i18n } = useTranslation();
  const rates = useSupportRates({ type, on, orgUnitId });
  const items = rates.data?.items ?? [];
  const options = items.map((rate) => ({
    value: rate.id,
    label: t('victimCare.support.rateOption', {
      amount: formatNumber(rate.amountVnd, i18n.language),
      per: t(`victimCare.support.per.${rate.per}`),
      basis: rate.legalBasis,
      from: formatDate(rate.validFrom),
    }),
  }));
  return (
    <>
      <Select
        id={id}
        data-testid="support-rate"
        value={value ?? undefined}
        onChange={(next: string | undefined) => {
          onChange?.(next ?? null);
          onRateChosen(items.find((rate) => rate.id === next) ?? null);
        }}
        options={options}
        allowClear
        loading={rates.isFetching}
        showSearch={foldedSearch}
        notFoundContent={rates.isFetching ? t('common.loading') : t('victimCare.support.noRate')}
        popupMatchSelectWidth={false}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('victimCare.support.rateHint')}
      </Typography.Text>
    </>
  );
}
