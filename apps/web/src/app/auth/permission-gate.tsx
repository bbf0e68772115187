import type { Permission } from '@atmis/domain';
import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from './use-me.ts';

/** Shows the page only to holders of the permission; others get a plain 403 page. */
export function PermissionGate({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const isAllowed = useCan(permission);
  if (!isAllowed) return <Result status="403" title="403" subTitle={t('common.notAllowed')} data-testid="page-forbidden" />;
  return <>{children}</>;
}
