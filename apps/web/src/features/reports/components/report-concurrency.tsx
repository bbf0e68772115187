import { SyncOutlined } from '@ant-design/icons';
import type { ReportTemplateDefinition } from '@atmis/domain';
import { Alert, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessageOf } from '../../../lib/api.ts';
import type { DraftConflict } from '../model/merge-draft.ts';
import type { DraftValues } from '../model/report-draft.ts';
import { fieldLabel, fieldTestId, focusField } from './report-labels.ts';

function Shown({ value }: { value: string }) {
  const { t } = useTranslation();
  if (value.trim() === '') return <Typography.Text type="secondary">{t('reportWork.emptyValue')}</Typography.Text>;
  const short = value.length > 160 ? `${value.slice(0, 160)}…` : value;
  return (
    <Typography.Text code style={{ whiteSpace: 'pre-wrap' }} title={value}>
      {short}
    </Typography.Text>
  );
}

function ReloadButton({ onReload, isReloading }: { onReload: () => void; isReloading: boolean }) {
  const { t } = useTranslation();
  return (
    <Button type="primary" icon={<SyncOutlined />} loading={isReloading} onClick={onReload} data-testid="report-reload-keep">
      {t('reportWork.stale.reloadKeep')}
    </Button>
  );
}

/** 409 'report.stale': the server's message (who saved, when); the user's inputs stay on screen. */
export function StaleAlert({ error, onReload, isReloading }: { error: unknown; onReload: () => void; isReloading: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="report-stale-alert"
      title={errorMessageOf(error, t('common.error'))}
      description={<ReloadButton onReload={onReload} isReloading={isReloading} />}
    />
  );
}

/** A newer copy arrived (someone saved, or the status changed) while the user has unsaved changes. */
export function NewerVersionAlert({ onReload, isReloading }: { onReload: () => void; isReloading: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="report-newer-alert"
      title={t('reportWork.stale.newerTitle')}
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          <span>{t('reportWork.stale.newerContent')}</span>
          <ReloadButton onReload={onReload} isReloading={isReloading} />
        </Space>
      }
    />
  );
}

/** Fields both the user and someone else changed: the user's value is kept on screen until they choose. */
export function ConflictsPanel({
  definition,
  conflicts,
  onResolve,
}: {
  definition: ReportTemplateDefinition;
  conflicts: DraftConflict[];
  onResolve: (conflict: DraftConflict, choice: 'mine' | 'theirs') => void;
}) {
  const { t } = useTranslation();
  if (conflicts.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="report-conflicts"
      title={t('reportWork.conflicts.title', { count: conflicts.length })}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>{t('reportWork.conflicts.description')}</Typography.Paragraph>
          <ul style={{ paddingLeft: 18, margin: 0 }}>
            {conflicts.map((conflict) => {
              const id = fieldTestId(conflict.path);
              return (
                <li key={conflict.path} data-testid={`report-conflict-${id}`} data-path={conflict.path} style={{ marginBottom: 8 }}>
                  <Typography.Link onClick={() => focusField(conflict.path)} strong>
                    {fieldLabel(definition, conflict.path, t)}
                  </Typography.Link>
                  <div>
                    {t('reportWork.conflicts.mine')}: <Shown value={conflict.mine} /> · {t('reportWork.conflicts.theirs')}:{' '}
                    <Shown value={conflict.theirs} /> · {t('reportWork.conflicts.original')}: <Shown value={conflict.original} />
                  </div>
                  <Space size={8} style={{ marginTop: 4 }}>
                    <Button size="small" onClick={() => onResolve(conflict, 'mine')} data-testid={`report-conflict-keep-${id}`}>
                      {t('reportWork.conflicts.keepMine')}
                    </Button>
                    <Button size="small" onClick={() => onResolve(conflict, 'theirs')} data-testid={`report-conflict-theirs-${id}`}>
                      {t('reportWork.conflicts.useTheirs')}
                    </Button>
                  </Space>
                </li>
              );
            })}
          </ul>
        </>
      }
    />
  );
}

/** After a reload that kept the user's input: which fields now show what someone else saved. */
export function UpdatedByOthersAlert({
  definition,
  paths,
  onDismiss,
}: {
  definition: ReportTemplateDefinition;
  paths: string[];
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  if (paths.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      closable={{ onClose: onDismiss }}
      style={{ marginBottom: 16 }}
      data-testid="report-updated-by-others"
      title={t('reportWork.stale.updatedByOthers', { count: paths.length })}
      description={
        <ul style={{ paddingLeft: 18, margin: 0 }}>
          {paths.slice(0, 30).map((path) => (
            <li key={path}>
              <Typography.Link onClick={() => focusField(path)}>{fieldLabel(definition, path, t)}</Typography.Link>
            </li>
          ))}
          {paths.length > 30 && <li>…</li>}
        </ul>
      }
    />
  );
}

/** The user's changes that could not be saved (e.g. the report was submitted meanwhile), so that nothing is lost unseen. */
export function UnsavedChangesList({
  definition,
  paths,
  draft,
}: {
  definition: ReportTemplateDefinition;
  paths: string[];
  draft: DraftValues;
}) {
  const { t } = useTranslation();
  if (paths.length === 0) return null;
  return (
    <div data-testid="report-unsaved-changes">
      <Typography.Text strong>{t('reportWork.unsavedList', { count: paths.length })}</Typography.Text>
      <ul style={{ paddingLeft: 18, margin: '4px 0 0' }}>
        {paths.map((path) => (
          <li key={path}>
            {fieldLabel(definition, path, t)}: <Shown value={draft[path] ?? ''} />
          </li>
        ))}
      </ul>
    </div>
  );
}
