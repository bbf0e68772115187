import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../../../lib/api.ts';
import { matchesLabel } from '../../../components/code-select.tsx';

/** Rates are set nationally or by a province: the choice is the country and its provinces. */
export function RateUnitSelect({
  value,
  onChange,
  testId,
  id,
}: {
  value?: string | undefined;
  onChange?: (value: string) => void;
  testId: string;
  id?: string;
}) {
  const { t } = useTranslation();
  const units = useQuery({
    queryKey: ['org-units', 'rate-units'],
    queryFn: async ({ signal }) => {
      const [national, provinces] = await Promise.all([
        unwrap(client.GET('/api/v1/org-units', { params: { query: { level: 'national', limit: 5 } }, signal })),
        unwrap(client.GET('/api/v1/org-units', { params: { query: { level: 'province', limit: 100 } }, signal })),
      ]);
      return [...national.items, ...provinces.items];
    },
    staleTime: 10 * 60_000,
  });
  return (
    <Select<string>
      id={id}
      data-testid={testId}
      value={value}
      onChange={(next) => onChange?.(next)}
      loading={units.isLoading}
      options={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.fullName || unit.name }))}
      showSearch={{ filterOption: (input, option) => matchesLabel(input, option?.label) }}
      notFoundContent={units.isLoading ? t('common.loading') : t('common.noResults')}
      style={{ width: '100%' }}
    />
  );
}
