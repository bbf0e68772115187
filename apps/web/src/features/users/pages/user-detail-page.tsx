import { ArrowLeftOutlined, EditOutlined, KeyOutlined, StopOutlined, CheckCircleOutlined, UnlockOutlined } from '@ant-design/icons';
import { Link, useParams } from '@tanstack/react-router';
import { App, Button, Card, Descriptions, Popconfirm, Result, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PermissionGate } from '../../../app/auth/permission-gate.tsx';
import { useCan } from '../../../app/auth/use-me.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useNotifyError } from '../../../components/use-notify-error.ts';
import { isApiError } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useUpdateUser, useUser } from '../api/users-api.ts';
import { AssignmentsCard } from '../components/assignments-card.tsx';
import { ResetPasswordModal } from '../components/reset-password-modal.tsx';
import { UserEditModal } from '../components/user-edit-modal.tsx';
import { UserStatusTags } from '../components/user-status-tags.tsx';

function UserDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const canManage = useCan('manage:users');
  const query = useUser(id);
  const update = useUpdateUser(id);
  const [isEditing, setEditing] = useState(false);
  const [isResetting, setResetting] = useState(false);
  const back = (
    <Link to="/admin/users">
      <Button icon={<ArrowLeftOutlined />}>{t('common.back')}</Button>
    </Link>
  );

  if (query.isLoading)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (isApiError(query.error) && query.error.status === 404) {
    return <Result status="404" title="404" subTitle={t('users.notFound')} extra={back} data-testid="user-not-found" />;
  }
  if (!query.data) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const user = query.data;

  async function patch(body: Parameters<typeof update.mutateAsync>[0], successText: string) {
    try {
      await update.mutateAsync(body);
      message.success(successText);
    } catch (error) {
      notifyError(error);
    }
  }

  const isActive = user.status === 'active';
  return (
    <>
      <PageHeader
        title={`${user.fullName} (${user.username})`}
        testId="user-detail-title"
        extra={
          <Space wrap>
            {back}
            {canManage && (
              <>
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="user-edit-button">
                  {t('users.edit')}
                </Button>
                <Button icon={<KeyOutlined />} onClick={() => setResetting(true)} data-testid="user-reset-password-button">
                  {t('users.resetPassword')}
                </Button>
                {user.isLocked && (
                  <Button
                    icon={<UnlockOutlined />}
                    loading={update.isPending}
                    onClick={() => void patch({ unlock: true }, t('users.unlocked'))}
                    data-testid="user-unlock-button"
                  >
                    {t('users.unlock')}
                  </Button>
                )}
                <Popconfirm
                  title={
                    isActive
                      ? t('users.disableConfirm', { username: user.username })
                      : t('users.enableConfirm', { username: user.username })
                  }
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: isActive, 'data-testid': 'confirm-ok' }}
                  onConfirm={() => patch({ status: isActive ? 'disabled' : 'active' }, t('users.updated'))}
                >
                  <Button
                    danger={isActive}
                    icon={isActive ? <StopOutlined /> : <CheckCircleOutlined />}
                    data-testid="user-toggle-status-button"
                  >
                    {isActive ? t('users.disable') : t('users.enable')}
                  </Button>
                </Popconfirm>
              </>
            )}
          </Space>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('users.detailTitle')}>
          <Descriptions
            column={{ xs: 1, md: 2 }}
            data-testid="user-detail"
            items={[
              { key: 'username', label: t('users.username'), children: user.username },
              { key: 'fullName', label: t('users.fullName'), children: user.fullName },
              { key: 'email', label: t('users.email'), children: user.email ?? '—' },
              { key: 'phone', label: t('users.phone'), children: user.phone ?? '—' },
              { key: 'orgUnit', label: t('users.orgUnit'), children: user.orgUnitName },
              { key: 'agency', label: t('users.agency'), children: user.agencyName ?? '—' },
              { key: 'status', label: t('users.status'), children: <UserStatusTags user={user} /> },
              {
                key: 'lastLogin',
                label: t('users.lastLogin'),
                children: user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('users.never'),
              },
              { key: 'createdAt', label: t('users.createdAt'), children: formatDateTime(user.createdAt) },
            ]}
          />
        </Card>
        <AssignmentsCard user={user} canManage={canManage} />
      </Space>
      {canManage && <UserEditModal user={user} open={isEditing} onClose={() => setEditing(false)} />}
      {canManage && <ResetPasswordModal user={user} open={isResetting} onClose={() => setResetting(false)} />}
    </>
  );
}

export function UserDetailPage() {
  const { id } = useParams({ from: '/app/admin/users/$id' });
  return (
    <PermissionGate permission="read:users">
      <UserDetail id={id} />
    </PermissionGate>
  );
}
