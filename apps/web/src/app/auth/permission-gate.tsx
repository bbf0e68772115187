import type { Permission } from '@atmis/domain';
import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOptionalMe } from './use-me.ts';
import { hasPermission } from './me-query.ts';

/**
 * Shows the page only to holders of the permission (or of any of several, e.g. read:victims or
 * read:support); others get a plain 403 page. The server still decides per record.
 */
export function PermissionGate({ permission, children }: { permission: Permission | readonly Permission[]; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useOptionalMe();
  const wanted: readonly Permission[] = typeof permission === 'string' ? [permission] : permission;
  const isAllowed = wanted.some((one) => hasPermission(me, one));
  if (!isAllowed) return <Result status="403" title="403" subTitle={t('common.notAllowed')} data-testid="page-forbidden" />;
  return <>{children}</>;
}
