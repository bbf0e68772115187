import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { PERMISSION_LABELS, type Permission, type RoleView } from '@atmis/domain';
import { Button, Card, Empty, Popover, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PermissionGate } from '../../../app/auth/permission-gate.tsx';
import { useCan } from '../../../app/auth/use-me.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { SearchInput } from '../../../components/search-input.tsx';
import { foldVietnamese } from '@atmis/domain';
import { pickLabel } from '../../../lib/i18n/index.ts';
import { useRoleList } from '../api/roles-api.ts';
import { RoleFormModal } from '../components/role-form-modal.tsx';

function PermissionSummary({ permissions }: { permissions: Permission[] }) {
  const { t } = useTranslation();
  return (
    <Popover
      title={t('roles.permissions')}
      content={
        <ul style={{ margin: 0, paddingLeft: 18, maxHeight: 320, overflow: 'auto' }}>
          {permissions.map((permission) => (
            <li key={permission}>{pickLabel(PERMISSION_LABELS[permission], permission)}</li>
          ))}
        </ul>
      }
    >
      <Tag color="purple" style={{ cursor: 'help' }} tabIndex={0}>
        {t('roles.permissionCount', { count: permissions.length })}
      </Tag>
    </Popover>
  );
}

function RoleList() {
  const { t, i18n } = useTranslation();
  const canManage = useCan('manage:roles');
  const roles = useRoleList();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<RoleView | null | undefined>(undefined);
  // The role list is short and comes whole: search it here, accent-insensitively.
  const shown = useMemo(() => {
    const needle = foldVietnamese(q);
    return (roles.data ?? []).filter((role) => !needle || foldVietnamese(`${role.code} ${role.name} ${role.nameEn}`).includes(needle));
  }, [roles.data, q]);

  return (
    <>
      <PageHeader
        title={t('roles.title')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="role-create-button">
              {t('roles.create')}
            </Button>
          )
        }
      />
      <Card>
        <div className="atmis-toolbar">
          <SearchInput onSearch={setQ} testId="role-search" />
        </div>
        <ErrorAlert error={roles.error} onRetry={() => void roles.refetch()} />
        <Table<RoleView>
          data-testid="roles-table"
          rowKey="id"
          size="middle"
          loading={roles.isLoading}
          dataSource={shown}
          pagination={false}
          scroll={{ x: 800 }}
          locale={{ emptyText: <Empty description={q ? t('common.noResults') : t('common.empty')} /> }}
          columns={[
            { title: t('roles.code'), dataIndex: 'code', render: (code: string) => <span className="atmis-mono">{code}</span> },
            {
              title: t('roles.name'),
              key: 'name',
              render: (_, role) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text strong>{i18n.language === 'en' ? role.nameEn : role.name}</Typography.Text>
                  {role.description && <Typography.Text type="secondary">{role.description}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: t('roles.permissions'),
              dataIndex: 'permissions',
              render: (permissions: Permission[]) => <PermissionSummary permissions={permissions} />,
            },
            {
              title: t('common.status'),
              key: 'flags',
              responsive: ['md'],
              render: (_, role) => (
                <Space size={4} wrap>
                  {role.isSystem && <Tag>{t('roles.system')}</Tag>}
                  {role.requiresTotp && <Tag color="blue">2FA</Tag>}
                </Space>
              ),
            },
            ...(canManage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 110,
                    render: (_: unknown, role: RoleView) => (
                      <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(role)} data-testid={`role-edit-${role.code}`}>
                        {t('common.edit')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing !== undefined && <RoleFormModal role={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}

export function RoleListPage() {
  return (
    <PermissionGate permission="read:roles">
      <RoleList />
    </PermissionGate>
  );
}
