import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyOption } from '../../../components/agency-select.tsx';
import { client, unwrap } from '../../../lib/api.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';

/** Searchable picker of several registry agencies (coordinating, requested); a Form.Item control of ids. */
export function AgencyMultiSelect({
  value,
  onChange,
  knownOptions = [],
  placeholder,
  testId = 'agency-multi-select',
  id,
}: {
  value?: string[] | undefined;
  onChange?: (value: string[]) => void;
  knownOptions?: AgencyOption[];
  placeholder?: string;
  testId?: string;
  id?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const { data, isFetching } = useQuery({
    queryKey: ['agencies', 'select', null, q],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/agencies', { params: { query: { q: q || undefined, limit: 20 } }, signal })),
    staleTime: 60_000,
  });
  // Labels of the agencies chosen so far, so they keep their names when the search changes.
  const [picked, setPicked] = useState(() => new Map(knownOptions.map((option) => [option.value, option])));
  const fetched = (data?.items ?? []).map((agency) => ({
    value: agency.id,
    label: agency.shortName ? `${agency.name} (${agency.shortName})` : agency.name,
  }));
  const merged = new Map<string, AgencyOption>();
  for (const agencyId of value ?? []) merged.set(agencyId, picked.get(agencyId) ?? { value: agencyId, label: agencyId });
  for (const option of fetched) if (!merged.has(option.value)) merged.set(option.value, option);

  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      data-testid={testId}
      value={value ?? []}
      onChange={(next) => {
        setPicked((previous) => {
          const labels = new Map(previous);
          for (const agencyId of next) {
            const option = merged.get(agencyId);
            if (option) labels.set(agencyId, option);
          }
          return labels;
        });
        onChange?.(next);
        setSearch('');
      }}
      options={[...merged.values()]}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      loading={isFetching}
      allowClear
      placeholder={placeholder ?? t('tasks.agenciesPlaceholder')}
      notFoundContent={isFetching ? t('common.loading') : t('common.noResults')}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}
