import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../lib/api.ts';
import { useDebouncedValue } from '../lib/use-debounced-value.ts';

export interface AgencyOption {
  value: string;
  label: string;
}

/** Searchable agency picker, optionally limited to the agencies of one administrative unit. */
export function AgencySelect({
  value,
  onChange,
  orgUnitId,
  excludeId,
  knownOptions = [],
  placeholder,
  testId = 'agency-select',
  allowClear = true,
  id,
}: {
  value?: string | null | undefined;
  onChange?: (value: string | null) => void;
  orgUnitId?: string | undefined;
  excludeId?: string | undefined;
  knownOptions?: AgencyOption[];
  placeholder?: string;
  testId?: string;
  allowClear?: boolean;
  id?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const { data, isFetching } = useQuery({
    queryKey: ['agencies', 'select', orgUnitId ?? null, q],
    queryFn: ({ signal }) =>
      unwrap(client.GET('/api/v1/agencies', { params: { query: { q: q || undefined, orgUnitId, limit: 20 } }, signal })),
    staleTime: 60_000,
  });
  const fetched = (data?.items ?? [])
    .filter((agency) => agency.id !== excludeId)
    .map((agency) => ({ value: agency.id, label: agency.shortName ? `${agency.name} (${agency.shortName})` : agency.name }));
  const merged = new Map<string, AgencyOption>();
  for (const option of [...knownOptions, ...fetched]) if (!merged.has(option.value)) merged.set(option.value, option);
  return (
    <Select
      id={id}
      data-testid={testId}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next ?? null)}
      options={[...merged.values()]}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={isFetching}
      allowClear={allowClear}
      placeholder={placeholder ?? t('common.searchPlaceholder')}
      notFoundContent={isFetching ? t('common.loading') : t('common.noResults')}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}
