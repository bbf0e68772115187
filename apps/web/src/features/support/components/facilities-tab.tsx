import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Progress, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/auth/use-me.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { OrgUnitSelect } from '../../../components/org-unit-select.tsx';
import { type FacilityView, useFacilities } from '../../victims/index.ts';
import { FacilityModal } from './facility-modal.tsx';

/** Share of places taken, for the bar: full (or over) shows as an exception. */
export function occupancyPercent(facility: Pick<FacilityView, 'capacity' | 'occupied'>): number {
  if (facility.capacity <= 0) return facility.occupied > 0 ? 100 : 0;
  return Math.min(100, Math.round((facility.occupied / facility.capacity) * 100));
}

/**
 * Support facilities (cơ sở trợ giúp nạn nhân) with their places taken now. Holders of
 * manage:support see add and edit; the server decides per facility.
 */
export function FacilitiesTab() {
  const { t } = useTranslation();
  const canManage = useCan('manage:support');
  const [orgUnitId, setOrgUnitId] = useState<string>();
  const [editing, setEditing] = useState<FacilityView | 'new' | null>(null);
  const facilities = useFacilities(orgUnitId);
  const items = facilities.data?.items ?? [];

  return (
    <>
      <div className="atmis-toolbar">
        <OrgUnitSelect
          allowClear
          value={orgUnitId}
          onChange={setOrgUnitId}
          placeholder={t('victims.facilities.filterUnit')}
          testId="facility-filter-unit"
          style={{ width: 280 }}
        />
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="facility-add">
            {t('victims.facilities.add')}
          </Button>
        )}
      </div>
      <ErrorAlert error={facilities.error} onRetry={() => void facilities.refetch()} testId="facility-table-error" />
      <Table<FacilityView>
        data-testid="facility-table"
        rowKey="id"
        size="middle"
        loading={facilities.isLoading || facilities.isFetching}
        dataSource={items}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={orgUnitId ? t('common.noResults') : t('victims.facilities.empty')} /> }}
        onRow={(facility) => ({ 'data-testid': `facility-row-${facility.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('victims.facilities.name'), dataIndex: 'name' },
          { title: t('victims.facilities.unit'), dataIndex: 'orgUnitName', width: 240 },
          {
            title: t('victims.facilities.agency'),
            dataIndex: 'agencyName',
            width: 240,
            responsive: ['lg'],
            render: (value: string | null) => value ?? '—',
          },
          { title: t('victims.facilities.capacity'), dataIndex: 'capacity', width: 100, align: 'right' },
          {
            title: t('victims.facilities.occupied'),
            key: 'occupied',
            width: 220,
            render: (_, facility) => (
              <Progress
                percent={occupancyPercent(facility)}
                status={facility.occupied >= facility.capacity && facility.capacity > 0 ? 'exception' : 'normal'}
                format={() => `${facility.occupied}/${facility.capacity}`}
                size="small"
                aria-label={t('victims.facilities.occupiedOf', { occupied: facility.occupied, capacity: facility.capacity })}
                data-testid={`facility-occupied-${facility.id}`}
              />
            ),
          },
          {
            title: t('common.status'),
            dataIndex: 'isActive',
            width: 140,
            render: (isActive: boolean) =>
              isActive ? <Tag color="success">{t('victims.facilities.activeYes')}</Tag> : <Tag>{t('victims.facilities.activeNo')}</Tag>,
          },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 110,
                  render: (_: unknown, facility: FacilityView) => (
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => setEditing(facility)}
                      data-testid={`facility-edit-${facility.id}`}
                    >
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <FacilityModal facility={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
