import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { SCOPE_LABELS, type AssignmentView, type Scope } from '@atmis/domain';
import { App, Button, Card, Empty, Popconfirm, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../../components/use-notify-error.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';
import { useRevokeAssignment, type UserDetail } from '../api/users-api.ts';
import { GrantAssignmentModal } from './grant-assignment-modal.tsx';

export function AssignmentsCard({ user, canManage }: { user: UserDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const revoke = useRevokeAssignment(user.id);
  const [isGranting, setGranting] = useState(false);

  async function revokeOne(assignment: AssignmentView) {
    try {
      await revoke.mutateAsync(assignment.id);
      message.success(t('users.revoked'));
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <Card
      title={t('users.assignments')}
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setGranting(true)} data-testid="assignment-grant-button">
            {t('users.grant')}
          </Button>
        )
      }
    >
      <Table<AssignmentView>
        data-testid="assignments-table"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={user.assignments}
        scroll={{ x: 700 }}
        locale={{ emptyText: <Empty description={t('users.noAssignments')} /> }}
        columns={[
          { title: t('users.role'), dataIndex: 'roleName' },
          { title: t('users.orgUnit'), dataIndex: 'orgUnitName' },
          { title: t('users.agency'), dataIndex: 'agencyName', render: (name: string | null) => name ?? '—' },
          {
            title: t('users.scope'),
            dataIndex: 'scope',
            render: (scope: Scope) => <Tag color="blue">{pickLabel(SCOPE_LABELS[scope], scope)}</Tag>,
          },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 120,
                  render: (_: unknown, assignment: AssignmentView) => (
                    <Popconfirm
                      title={t('users.revokeConfirm', { role: assignment.roleName, unit: assignment.orgUnitName })}
                      okText={t('users.revoke')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }}
                      onConfirm={() => revokeOne(assignment)}
                    >
                      <Button danger size="small" icon={<DeleteOutlined />} data-testid={`assignment-revoke-${assignment.id}`}>
                        {t('users.revoke')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canManage && <GrantAssignmentModal user={user} open={isGranting} onClose={() => setGranting(false)} />}
    </Card>
  );
}
