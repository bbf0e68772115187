import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, unwrap } from '../lib/api.ts';
import { useDebouncedValue } from '../lib/use-debounced-value.ts';

export interface OrgUnitOption {
  value: string;
  label: string;
}

/**
 * Searchable administrative-unit picker (accent-insensitive on the server). `knownOptions` gives
 * labels for values already chosen, e.g. the user's own units, so they show before any search.
 */
export function OrgUnitSelect({
  value,
  onChange,
  knownOptions = [],
  era = 'current',
  placeholder,
  testId = 'org-unit-select',
  allowClear = false,
  id,
  style,
}: {
  value?: string | null | undefined;
  onChange?: (value: string | undefined, option?: OrgUnitOption) => void;
  knownOptions?: OrgUnitOption[];
  era?: 'current' | 'pre2025' | 'all';
  placeholder?: string;
  testId?: string;
  allowClear?: boolean;
  id?: string;
  style?: React.CSSProperties;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const { data, isFetching } = useQuery({
    queryKey: ['org-units', 'select', era, q],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/org-units', { params: { query: { q: q || undefined, era, limit: 20 } }, signal })),
    staleTime: 5 * 60_000,
  });
  const fetched = (data?.items ?? []).map((unit) => ({ value: unit.id, label: unit.fullName || unit.name }));
  const merged = new Map<string, OrgUnitOption>();
  for (const option of [...knownOptions, ...fetched]) if (!merged.has(option.value)) merged.set(option.value, option);
  const options = [...merged.values()];
  return (
    <Select
      id={id}
      data-testid={testId}
      value={value ?? undefined}
      onChange={(next: string | undefined) =>
        onChange?.(
          next,
          options.find((option) => option.value === next),
        )
      }
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={isFetching}
      allowClear={allowClear}
      placeholder={placeholder ?? t('common.searchPlaceholder')}
      notFoundContent={isFetching ? t('common.loading') : t('common.noResults')}
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
    />
  );
}
