import type { UserView } from '@atmis/domain';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export function UserStatusTags({ user }: { user: Pick<UserView, 'status' | 'isLocked' | 'totpEnabled'> }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      {user.status === 'active' ? <Tag color="green">{t('users.active')}</Tag> : <Tag color="default">{t('users.disabled')}</Tag>}
      {user.isLocked && <Tag color="red">{t('users.locked')}</Tag>}
      {user.totpEnabled && <Tag color="blue">2FA</Tag>}
    </Space>
  );
}
