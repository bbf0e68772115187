import { PlusOutlined } from '@ant-design/icons';
import type { UserView } from '@atmis/domain';
import { Link } from '@tanstack/react-router';
import { Button, Card, Empty, Select, Table, Typography } from 'antd';
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
import { formatDateTime } from '../../../lib/format.ts';
import { useUserList, type UserListFilter } from '../api/users-api.ts';
import { UserCreateDrawer } from '../components/user-create-drawer.tsx';
import { UserStatusTags } from '../components/user-status-tags.tsx';

function UserList() {
  const { t } = useTranslation();
  const canManage = useCan('manage:users');
  const { workingUnit, options } = useWorkingUnit();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<UserListFilter['status']>();
  // Starts at the unit the person is working at (its whole subtree); they may clear it.
  const [orgUnitId, setOrgUnitId] = useState<string | undefined>(workingUnit?.orgUnitId);
  const [isCreating, setCreating] = useState(false);
  const list = useUserList({ q: q || undefined, orgUnitId, status });
  const users = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-create-button">
              {t('users.create')}
            </Button>
          )
        }
      />
      <Card>
        <div className="atmis-toolbar">
          <SearchInput onSearch={setQ} testId="user-search" />
          <OrgUnitSelect
            value={orgUnitId}
            onChange={(value) => setOrgUnitId(value)}
            knownOptions={options.map((option) => ({ value: option.orgUnitId, label: option.orgUnitName }))}
            allowClear
            placeholder={t('users.filterUnit')}
            testId="user-filter-org-unit"
            style={{ width: 260 }}
          />
          <Select
            allowClear
            placeholder={t('users.status')}
            value={status}
            onChange={setStatus}
            data-testid="user-filter-status"
            style={{ width: 180 }}
            options={[
              { value: 'active', label: t('users.active') },
              { value: 'disabled', label: t('users.disabled') },
            ]}
          />
        </div>
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        <Table<UserView>
          data-testid="users-table"
          rowKey="id"
          size="middle"
          loading={list.isLoading || (list.isFetching && !list.isFetchingNextPage)}
          dataSource={users}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={q ? t('common.noResults') : t('common.empty')} /> }}
          columns={[
            {
              title: t('users.username'),
              dataIndex: 'username',
              render: (username: string, user) => (
                <Link to="/admin/users/$id" params={{ id: user.id }} data-testid={`user-link-${username}`}>
                  {username}
                </Link>
              ),
            },
            { title: t('users.fullName'), dataIndex: 'fullName' },
            { title: t('users.orgUnit'), dataIndex: 'orgUnitName', responsive: ['md'] },
            { title: t('users.agency'), dataIndex: 'agencyName', render: (name: string | null) => name ?? '—', responsive: ['lg'] },
            { title: t('users.status'), key: 'status', render: (_, user) => <UserStatusTags user={user} /> },
            {
              title: t('users.lastLogin'),
              dataIndex: 'lastLoginAt',
              responsive: ['lg'],
              render: (value: string | null) =>
                value ? formatDateTime(value) : <Typography.Text type="secondary">{t('users.never')}</Typography.Text>,
            },
          ]}
        />
        <LoadMore
          shown={users.length}
          total={total}
          hasMore={Boolean(list.hasNextPage)}
          isLoading={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
        />
      </Card>
      {canManage && <UserCreateDrawer open={isCreating} onClose={() => setCreating(false)} />}
    </>
  );
}

export function UserListPage() {
  return (
    <PermissionGate permission="read:users">
      <UserList />
    </PermissionGate>
  );
}
