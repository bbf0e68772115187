import {
  CalendarOutlined,
  CheckOutlined,
  LockOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import type { ReportDetail } from '@atmis/domain';
import { Button, Space, Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { reportActionLabel, type ReportFormAction } from './report-action-modal.tsx';
import { ReportExportButtons } from './report-export-buttons.tsx';

const FORM_ACTIONS: { action: ReportFormAction; icon: ReactNode; isPrimary?: boolean; isDanger?: boolean }[] = [
  { action: 'accept', icon: <CheckOutlined />, isPrimary: true },
  { action: 'return', icon: <RollbackOutlined />, isDanger: true },
  { action: 'lock', icon: <LockOutlined /> },
  { action: 'unlock', icon: <UnlockOutlined /> },
  { action: 'extend', icon: <CalendarOutlined /> },
];

/** The buttons the server allows on this report now (allowedActions), and the unsaved-changes marker. */
export function ReportActionBar({
  report,
  dirtyCount,
  isSaving,
  isSubmitting,
  onSave,
  onSubmit,
  onOpen,
  exportBaseName,
}: {
  report: ReportDetail;
  dirtyCount: number;
  isSaving: boolean;
  isSubmitting: boolean;
  onSave: () => void;
  onSubmit: (action: 'submit' | 'resubmit') => void;
  onOpen: (action: ReportFormAction) => void;
  exportBaseName: string;
}) {
  const { t } = useTranslation();
  const allowed = new Set(report.allowedActions);
  const submitAction = allowed.has('resubmit') ? 'resubmit' : allowed.has('submit') ? 'submit' : null;
  return (
    <div
      data-testid="report-actions"
      style={{
        // Below the layout's sticky header (56 px, z-index 10), so the actions stay at hand in a long form.
        position: 'sticky',
        top: 56,
        zIndex: 9,
        background: '#fff',
        padding: '10px 12px',
        marginBottom: 16,
        borderRadius: 6,
        boxShadow: '0 1px 2px rgba(0,0,0,0.06)',
      }}
    >
      <Space wrap size={8}>
        {allowed.has('edit') && (
          <Tooltip title={t('reportWork.actions.saveHint')}>
            <Button icon={<SaveOutlined />} loading={isSaving} onClick={onSave} data-testid="report-save">
              {t('reportWork.actions.save')}
            </Button>
          </Tooltip>
        )}
        {submitAction && (
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={isSubmitting}
            disabled={isSaving}
            onClick={() => onSubmit(submitAction)}
            data-testid="report-submit"
            data-action={submitAction}
          >
            {reportActionLabel(submitAction, t)}
          </Button>
        )}
        {FORM_ACTIONS.filter(({ action }) => allowed.has(action)).map(({ action, icon, isPrimary, isDanger }) => (
          <Button
            key={action}
            icon={icon}
            type={isPrimary ? 'primary' : 'default'}
            danger={isDanger}
            onClick={() => onOpen(action)}
            data-testid={`report-${action}`}
          >
            {reportActionLabel(action, t)}
          </Button>
        ))}
        {allowed.has('export') && <ReportExportButtons reportId={report.id} baseName={exportBaseName} />}
        {allowed.has('edit') &&
          (dirtyCount > 0 ? (
            <Tag color="orange" data-testid="report-dirty" data-count={dirtyCount}>
              {t('reportWork.dirty', { count: dirtyCount })}
            </Tag>
          ) : (
            <Tag color="green" data-testid="report-clean">
              {t('reportWork.clean')}
            </Tag>
          ))}
      </Space>
    </div>
  );
}
