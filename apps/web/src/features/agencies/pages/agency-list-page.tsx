import { EditOutlined, HistoryOutlined, MergeCellsOutlined, PlusOutlined, FormOutlined } from '@ant-design/icons';
import type { AgencyView } from '@atmis/domain';
import { Button, Card, Checkbox, Empty, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PermissionGate } from '../../../app/auth/permission-gate.tsx';
import { useCan } from '../../../app/auth/use-me.ts';
import { useWorkingUnit } from '../../../app/auth/working-unit.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { LoadMore } from '../../../components/load-more.tsx';
import { OrgUnitSelect } from '../../../components/org-unit-select.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { SearchInput } from '../../../components/search-input.tsx';
import { formatValidity } from '../../../lib/format.ts';
import { useAgencyList } from '../api/agencies-api.ts';
import { AgencyCreateModal } from '../components/agency-create-modal.tsx';
import { AgencyHistoryDrawer } from '../components/agency-history-drawer.tsx';
import { AgencyMergeModal } from '../components/agency-merge-modal.tsx';
import { AgencyRenameModal } from '../components/agency-rename-modal.tsx';
import { agencyTypeLabel, agencyTypeOptions } from '../components/agency-type.ts';
import { AgencyUpdateModal } from '../components/agency-update-modal.tsx';

type Dialog = { kind: 'update' | 'rename' | 'merge' | 'history'; agency: AgencyView } | { kind: 'create' } | null;

function AgencyList() {
  const { t } = useTranslation();
  const canManage = useCan('manage:agencies');
  const { options } = useWorkingUnit();
  const [q, setQ] = useState('');
  const [orgUnitId, setOrgUnitId] = useState<string>();
  const [type, setType] = useState<string>();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useAgencyList({ q: q || undefined, orgUnitId, type, includeInactive });
  const agencies = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const close = () => setDialog(null);

  return (
    <>
      <PageHeader
        title={t('agencies.title')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="agency-create-button">
              {t('agencies.create')}
            </Button>
          )
        }
      />
      <Card>
        <div className="atmis-toolbar">
          <SearchInput onSearch={setQ} testId="agency-search" />
          <OrgUnitSelect
            value={orgUnitId}
            onChange={(value) => setOrgUnitId(value)}
            knownOptions={options.map((option) => ({ value: option.orgUnitId, label: option.orgUnitName }))}
            allowClear
            placeholder={t('agencies.orgUnit')}
            testId="agency-filter-org-unit"
            era="all"
            style={{ width: 240 }}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('agencies.type')}
            value={type}
            onChange={setType}
            options={agencyTypeOptions()}
            data-testid="agency-filter-type"
            style={{ width: 220 }}
          />
          <Checkbox
            checked={includeInactive}
            onChange={(event) => setIncludeInactive(event.target.checked)}
            data-testid="agency-include-inactive"
            style={{ alignSelf: 'center' }}
          >
            {t('agencies.includeInactive')}
          </Checkbox>
        </div>
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        <Table<AgencyView>
          data-testid="agencies-table"
          rowKey="id"
          size="middle"
          loading={list.isLoading || (list.isFetching && !list.isFetchingNextPage)}
          dataSource={agencies}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Empty description={q ? t('common.noResults') : t('common.empty')} /> }}
          columns={[
            {
              title: t('agencies.code'),
              dataIndex: 'code',
              width: 130,
              render: (code: string) => <span className="atmis-mono">{code}</span>,
            },
            {
              title: t('agencies.name'),
              dataIndex: 'name',
              render: (name: string, agency) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text strong>{name}</Typography.Text>
                  {agency.shortName && <Typography.Text type="secondary">{agency.shortName}</Typography.Text>}
                  {agency.successorName && (
                    <Typography.Text type="secondary">
                      → {t('agencies.successor')}: {agency.successorName}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: t('agencies.type'),
              dataIndex: 'type',
              render: (value: string) => <Tag>{agencyTypeLabel(value)}</Tag>,
              responsive: ['md'],
            },
            { title: t('agencies.orgUnit'), dataIndex: 'orgUnitName', responsive: ['md'] },
            { title: t('agencies.parent'), dataIndex: 'parentName', render: (name: string | null) => name ?? '—', responsive: ['lg'] },
            {
              title: t('agencies.validity'),
              key: 'validity',
              responsive: ['lg'],
              render: (_, agency) => (
                <Space size={4} wrap>
                  <span>{formatValidity(agency.validFrom, agency.validTo, t('common.present'))}</span>
                  {agency.validTo && <Tag color="default">{t('agencies.inactive')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              fixed: 'right',
              width: 170,
              render: (_, agency) => (
                <Space size={2} wrap>
                  {agency.allowedActions.includes('update') && (
                    <Tooltip title={t('agencies.update')}>
                      <Button
                        size="small"
                        type="text"
                        icon={<EditOutlined />}
                        aria-label={t('agencies.update')}
                        onClick={() => setDialog({ kind: 'update', agency })}
                        data-testid={`agency-update-${agency.code}`}
                      />
                    </Tooltip>
                  )}
                  {agency.allowedActions.includes('rename') && (
                    <Tooltip title={t('agencies.rename')}>
                      <Button
                        size="small"
                        type="text"
                        icon={<FormOutlined />}
                        aria-label={t('agencies.rename')}
                        onClick={() => setDialog({ kind: 'rename', agency })}
                        data-testid={`agency-rename-${agency.code}`}
                      />
                    </Tooltip>
                  )}
                  {agency.allowedActions.includes('merge') && (
                    <Tooltip title={t('agencies.merge')}>
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<MergeCellsOutlined />}
                        aria-label={t('agencies.merge')}
                        onClick={() => setDialog({ kind: 'merge', agency })}
                        data-testid={`agency-merge-${agency.code}`}
                      />
                    </Tooltip>
                  )}
                  <Tooltip title={t('agencies.history')}>
                    <Button
                      size="small"
                      type="text"
                      icon={<HistoryOutlined />}
                      aria-label={t('agencies.history')}
                      onClick={() => setDialog({ kind: 'history', agency })}
                      data-testid={`agency-history-${agency.code}`}
                    />
                  </Tooltip>
                </Space>
              ),
            },
          ]}
        />
        <LoadMore
          shown={agencies.length}
          total={total}
          hasMore={Boolean(list.hasNextPage)}
          isLoading={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
        />
      </Card>
      {dialog?.kind === 'create' && <AgencyCreateModal onClose={close} />}
      {dialog?.kind === 'update' && <AgencyUpdateModal agency={dialog.agency} onClose={close} />}
      {dialog?.kind === 'rename' && <AgencyRenameModal agency={dialog.agency} onClose={close} />}
      {dialog?.kind === 'merge' && <AgencyMergeModal agency={dialog.agency} onClose={close} />}
      {dialog?.kind === 'history' && <AgencyHistoryDrawer agency={dialog.agency} onClose={close} />}
    </>
  );
}

export function AgencyListPage() {
  return (
    <PermissionGate permission="read:agencies">
      <AgencyList />
    </PermissionGate>
  );
}
