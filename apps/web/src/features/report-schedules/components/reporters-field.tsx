import { ClearOutlined, PlusOutlined } from '@ant-design/icons';
import type { AgencyView } from '@atmis/domain';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, isApiError, unwrap } from '../../../lib/api.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { fetchAllAgencies } from '../api/report-schedules-api.ts';

/** The level below a unit whose People's Committees report to it: provinces under VN, communes under a province. */
export function subordinateLevel(orgUnitId: string | undefined): 'province' | 'commune' | null {
  if (!orgUnitId) return null;
  if (orgUnitId === 'VN') return 'province';
  if (/^VN\.\d{2}$/.test(orgUnitId)) return 'commune';
  return null;
}

/** Whether an agency's unit is the unit itself or lies under it (unit ids are paths: ADR 0001). */
export function isWithinUnit(agencyOrgUnitId: string, orgUnitId: string): boolean {
  return agencyOrgUnitId === orgUnitId || agencyOrgUnitId.startsWith(`${orgUnitId}.`);
}

/** Direct children only: VN → VN.31, VN.31 → VN.31.11383 (not deeper). */
function isDirectChild(agencyOrgUnitId: string, orgUnitId: string): boolean {
  return agencyOrgUnitId.startsWith(`${orgUnitId}.`) && !agencyOrgUnitId.slice(orgUnitId.length + 1).includes('.');
}

/** Types of agency that are not departments (sở, ngành) reporting on their own work. */
const NOT_DEPARTMENTS = new Set(['peoples_committee', 'steering_committee']);

const labelOf = (agency: AgencyView) => (agency.shortName ? `${agency.name} (${agency.shortName})` : agency.name);

/**
 * The reporting agencies of a schedule: a searchable multi-select limited to the agencies of the
 * unit and below, with shortcuts "Tất cả sở, ngành" (the unit's own agencies but its People's
 * Committee and steering committee) and "Tất cả UBND cấp xã" (cấp tỉnh at national level).
 * The agencies API filters by exact unit and by type, so the subordinate committees are found by
 * type and kept when their unit lies under this one.
 */
export function ReportersField({
  value,
  onChange,
  orgUnitId,
  knownOptions = [],
  id,
  testId = 'schedule-reporters',
}: {
  value?: string[] | undefined;
  onChange?: (ids: string[]) => void;
  orgUnitId: string | undefined;
  knownOptions?: { value: string; label: string }[];
  id?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const selected = useMemo(() => value ?? [], [value]);
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const level = subordinateLevel(orgUnitId);

  const unitAgencies = useQuery({
    queryKey: ['agencies', 'report-reporters', 'unit', orgUnitId],
    queryFn: ({ signal }) => fetchAllAgencies({ orgUnitId }, signal, 10),
    enabled: Boolean(orgUnitId),
    staleTime: 5 * 60_000,
  });
  const subordinates = useQuery({
    queryKey: ['agencies', 'report-reporters', 'subordinate', orgUnitId],
    queryFn: async ({ signal }) =>
      (await fetchAllAgencies({ type: 'peoples_committee' }, signal)).filter((agency) => isDirectChild(agency.orgUnitId, orgUnitId ?? '')),
    enabled: false,
    staleTime: 10 * 60_000,
  });
  const searched = useQuery({
    queryKey: ['agencies', 'report-reporters', 'search', q],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/agencies', { params: { query: { q, limit: 50 } }, signal })),
    enabled: q.length > 0,
    staleTime: 60_000,
  });

  const departments = (unitAgencies.data ?? []).filter((agency) => !NOT_DEPARTMENTS.has(agency.type));
  const labels = new Map<string, string>();
  for (const option of knownOptions) labels.set(option.value, option.label);
  for (const agency of [...(unitAgencies.data ?? []), ...(subordinates.data ?? [])]) labels.set(agency.id, labelOf(agency));
  const found = (searched.data?.items ?? []).filter((agency) => orgUnitId && isWithinUnit(agency.orgUnitId, orgUnitId));
  for (const agency of found) labels.set(agency.id, labelOf(agency));

  // Ids prefilled from a plan's proposal may name communes: load them once to show their names.
  const hasUnknown = selected.some((agencyId) => !labels.has(agencyId));
  const isSubordinateTried = subordinates.data !== undefined || subordinates.isFetching || subordinates.isError;
  const refetchSubordinates = subordinates.refetch;
  useEffect(() => {
    if (hasUnknown && level && unitAgencies.isSuccess && !isSubordinateTried) void refetchSubordinates();
  }, [hasUnknown, level, unitAgencies.isSuccess, isSubordinateTried, refetchSubordinates]);

  const visible = new Map<string, string>();
  for (const agencyId of selected) visible.set(agencyId, labels.get(agencyId) ?? agencyId);
  const pool = q ? found : [...(unitAgencies.data ?? []), ...(subordinates.data ?? [])];
  for (const agency of pool) if (!visible.has(agency.id)) visible.set(agency.id, labelOf(agency));

  function add(ids: string[]) {
    const next = [...new Set([...selected, ...ids])];
    onChange?.(next);
    void message.success(t('reportSetup.reporters.added', { count: next.length - selected.length }));
  }

  async function addSubordinates() {
    const result = subordinates.data ? { data: subordinates.data, error: null } : await refetchSubordinates();
    if (result.error) {
      void message.error(isApiError(result.error) ? result.error.title : t('common.error'));
      return;
    }
    const ids = (result.data ?? []).map((agency) => agency.id);
    if (ids.length === 0) void message.info(t('reportSetup.reporters.noneFound'));
    else add(ids);
  }

  return (
    <div data-testid={testId}>
      <Select<string[]>
        id={id}
        mode="multiple"
        value={selected}
        onChange={(next) => {
          onChange?.(next);
          setSearch('');
        }}
        options={[...visible].map(([agencyId, label]) => ({ value: agencyId, label }))}
        showSearch={{
          searchValue: search,
          onSearch: setSearch,
          filterOption: q
            ? false
            : (input, option) =>
                String(option?.label ?? '')
                  .toLowerCase()
                  .includes(input.toLowerCase()),
        }}
        loading={unitAgencies.isFetching || searched.isFetching || subordinates.isFetching}
        disabled={!orgUnitId}
        allowClear
        maxTagCount="responsive"
        placeholder={orgUnitId ? t('reportSetup.reporters.placeholder') : t('reportSetup.reporters.chooseUnitFirst')}
        notFoundContent={searched.isFetching ? t('common.loading') : t('common.noResults')}
        style={{ width: '100%' }}
        data-testid={`${testId}-select`}
      />
      <Space wrap style={{ marginTop: 8 }}>
        <Button
          size="small"
          icon={<PlusOutlined />}
          disabled={!orgUnitId || departments.length === 0}
          loading={unitAgencies.isLoading}
          onClick={() => add(departments.map((agency) => agency.id))}
          data-testid={`${testId}-departments`}
        >
          {t('reportSetup.reporters.allDepartments', { count: departments.length })}
        </Button>
        {level && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            loading={subordinates.isFetching}
            onClick={() => void addSubordinates()}
            data-testid={`${testId}-subordinates`}
          >
            {t(`reportSetup.reporters.all_${level}`)}
          </Button>
        )}
        {selected.length > 0 && (
          <Button size="small" icon={<ClearOutlined />} onClick={() => onChange?.([])} data-testid={`${testId}-clear`}>
            {t('reportSetup.reporters.clear')}
          </Button>
        )}
        <Typography.Text type="secondary" data-testid={`${testId}-count`} aria-live="polite">
          {t('reportSetup.reporters.count', { count: selected.length })}
        </Typography.Text>
      </Space>
    </div>
  );
}
