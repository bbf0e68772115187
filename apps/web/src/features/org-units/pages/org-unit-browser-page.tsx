import { RightOutlined } from '@ant-design/icons';
import type { OrgUnitView } from '@atmis/domain';
import { Breadcrumb, Button, Card, Empty, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PermissionGate } from '../../../app/auth/permission-gate.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { LoadMore } from '../../../components/load-more.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { SearchInput } from '../../../components/search-input.tsx';
import { formatValidity } from '../../../lib/format.ts';
import { useOrgUnitList, type OrgUnitEra } from '../api/org-units-api.ts';

const ROOT_ID = 'VN';
const LEVEL_COLORS: Record<OrgUnitView['level'], string> = { national: 'red', province: 'volcano', district: 'gold', commune: 'green' };

interface Crumb {
  id: string;
  name: string;
}

/**
 * Drill-down through the administrative units: nation → provinces → communes today; before
 * 1 July 2025, province → district → commune. A search looks through the whole register instead.
 */
function OrgUnitBrowser() {
  const { t } = useTranslation();
  const [era, setEra] = useState<OrgUnitEra>('current');
  const [q, setQ] = useState('');
  const [path, setPath] = useState<Crumb[]>([]);
  const [searchKey, setSearchKey] = useState(0);
  const parentId = path.at(-1)?.id ?? ROOT_ID;
  const isSearching = q.length > 0;
  const list = useOrgUnitList({ era, q: isSearching ? q : undefined, parentId: isSearching ? undefined : parentId });
  const units = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;

  function open(unit: OrgUnitView) {
    if (isSearching) {
      // Opening a search hit: rebuild the trail from the unit itself (its parents are not in the page).
      setPath([{ id: unit.id, name: unit.fullName || unit.name }]);
      setQ('');
      setSearchKey((key) => key + 1);
    } else {
      setPath([...path, { id: unit.id, name: unit.fullName || unit.name }]);
    }
  }

  return (
    <>
      <PageHeader title={t('orgUnits.title')} />
      <Card>
        <div className="atmis-toolbar">
          <Segmented<OrgUnitEra>
            value={era}
            onChange={(value) => {
              setEra(value);
              setPath([]);
            }}
            data-testid="org-unit-era"
            options={[
              { value: 'current', label: t('orgUnits.eraCurrent') },
              { value: 'pre2025', label: t('orgUnits.eraPre2025') },
              { value: 'all', label: t('orgUnits.eraAll') },
            ]}
          />
          <SearchInput key={searchKey} onSearch={setQ} testId="org-unit-search" placeholder={t('orgUnits.searchHint')} width={320} />
        </div>
        {!isSearching && (
          <Breadcrumb
            style={{ marginBottom: 12 }}
            data-testid="org-unit-breadcrumb"
            items={[
              {
                key: ROOT_ID,
                title: path.length ? (
                  <a
                    href="#"
                    onClick={(event) => {
                      event.preventDefault();
                      setPath([]);
                    }}
                  >
                    {t('orgUnits.root')}
                  </a>
                ) : (
                  t('orgUnits.root')
                ),
              },
              ...path.map((crumb, index) => ({
                key: crumb.id,
                title:
                  index < path.length - 1 ? (
                    <a
                      href="#"
                      onClick={(event) => {
                        event.preventDefault();
                        setPath(path.slice(0, index + 1));
                      }}
                    >
                      {crumb.name}
                    </a>
                  ) : (
                    crumb.name
                  ),
              })),
            ]}
          />
        )}
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        <Table<OrgUnitView>
          data-testid="org-units-table"
          rowKey="id"
          size="middle"
          loading={list.isLoading || (list.isFetching && !list.isFetchingNextPage)}
          dataSource={units}
          pagination={false}
          scroll={{ x: 800 }}
          locale={{ emptyText: <Empty description={isSearching ? t('common.noResults') : t('common.empty')} /> }}
          columns={[
            {
              title: t('orgUnits.code'),
              dataIndex: 'code',
              width: 110,
              render: (code: string) => <span className="atmis-mono">{code}</span>,
            },
            {
              title: t('orgUnits.name'),
              dataIndex: 'fullName',
              render: (fullName: string, unit) =>
                unit.level === 'commune' ? (
                  <Typography.Text>{fullName || unit.name}</Typography.Text>
                ) : (
                  <Button
                    type="link"
                    style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                    onClick={() => open(unit)}
                    data-testid={`org-unit-open-${unit.code}`}
                  >
                    {fullName || unit.name}
                  </Button>
                ),
            },
            {
              title: t('orgUnits.level'),
              dataIndex: 'level',
              render: (level: OrgUnitView['level']) => <Tag color={LEVEL_COLORS[level]}>{t(`orgUnits.levels.${level}`)}</Tag>,
            },
            { title: t('orgUnits.unitType'), dataIndex: 'unitType', responsive: ['md'] },
            {
              title: t('orgUnits.validity'),
              key: 'validity',
              responsive: ['md'],
              render: (_, unit) => formatValidity(unit.validFrom, unit.validTo, t('common.present')),
            },
            {
              key: 'open',
              width: 56,
              render: (_, unit) =>
                unit.level !== 'commune' && (
                  <Button type="text" icon={<RightOutlined />} aria-label={t('orgUnits.open')} onClick={() => open(unit)} />
                ),
            },
          ]}
        />
        <LoadMore
          shown={units.length}
          total={total}
          hasMore={Boolean(list.hasNextPage)}
          isLoading={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
        />
      </Card>
    </>
  );
}

export function OrgUnitBrowserPage() {
  return (
    <PermissionGate permission="read:org_units">
      <OrgUnitBrowser />
    </PermissionGate>
  );
}
