import { Result, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/auth/use-me.ts';

/** Templates are read by whoever works with reports; only holders of manage:report_templates edit them. */
export function useTemplateAccess(): { canRead: boolean; canManage: boolean } {
  const canManage = useCan('manage:report_templates');
  const canReadReports = useCan('read:reports');
  const canReview = useCan('review:reports');
  return { canRead: canManage || canReadReports || canReview, canManage };
}

export function TemplateGate({ needsManage = false, children }: { needsManage?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const { canRead, canManage } = useTemplateAccess();
  if (needsManage ? !canManage : !canRead)
    return <Result status="403" title="403" subTitle={t('common.notAllowed')} data-testid="page-forbidden" />;
  return <>{children}</>;
}

export function TemplateStatusTag({ status, testId }: { status: 'active' | 'retired'; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'active' ? 'green' : 'default'} data-testid={testId} data-status={status}>
      {t(`reportSetup.templates.status.${status}`)}
    </Tag>
  );
}
