import { PaperClipOutlined } from '@ant-design/icons';
import type { FileView, TaskDetail } from '@atmis/domain';
import { Empty, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { fileDownloadUrl } from '../api/tasks-api.ts';
import { PlainList } from '../../../components/plain-list.tsx';

type TaskUpdate = TaskDetail['updates'][number];

const KIND_COLORS: Record<TaskUpdate['kind'], string> = {
  progress: 'blue',
  contribution: 'cyan',
  submission: 'geekblue',
  acceptance: 'green',
  return: 'orange',
  cancellation: 'gray',
  chase: 'red',
};

function sizeLabel(size: number, language: string): string {
  return size >= 1024 * 1024
    ? `${formatNumber(Math.round((size / 1024 / 1024) * 10) / 10, language)} MB`
    : `${formatNumber(Math.max(1, Math.round(size / 1024)), language)} KB`;
}

export function FileLink({ file }: { file: FileView }) {
  const { i18n } = useTranslation();
  return (
    <a href={fileDownloadUrl(file.id)} download={file.fileName} data-testid={`task-file-${file.id}`}>
      <PaperClipOutlined /> {file.fileName} <Typography.Text type="secondary">({sizeLabel(file.size, i18n.language)})</Typography.Text>
    </a>
  );
}

/** Everything that happened to the task, newest first: progress, contributions, reviews, chases. */
export function TaskUpdatesTimeline({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  if (task.updates.length === 0) return <Empty description={t('tasks.noUpdates')} data-testid="task-updates-empty" />;
  const updates = [...task.updates].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Timeline
      data-testid="task-updates"
      items={updates.map((update) => ({
        key: update.id,
        color: KIND_COLORS[update.kind],
        content: (
          <div data-testid={`task-update-${update.kind}`}>
            <Space wrap size={6}>
              <Tag color={KIND_COLORS[update.kind]}>{t(`tasks.updateKind.${update.kind}`)}</Tag>
              {update.percent !== null && <Typography.Text strong>{update.percent}%</Typography.Text>}
              <Typography.Text type="secondary">
                {formatDateTime(update.createdAt)} · {update.authorName}
                {update.agencyName ? ` (${update.agencyName})` : ''}
              </Typography.Text>
              {update.fromStatus && update.toStatus && update.fromStatus !== update.toStatus && (
                <Typography.Text type="secondary">
                  {t('tasks.statusChange', {
                    from: t(`tasks.status.${update.fromStatus}`, { defaultValue: update.fromStatus }),
                    to: t(`tasks.status.${update.toStatus}`, { defaultValue: update.toStatus }),
                  })}
                </Typography.Text>
              )}
            </Space>
            {update.narrative && (
              <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{update.narrative}</Typography.Paragraph>
            )}
            {update.files.length > 0 && (
              <Space orientation="vertical" size={0} style={{ marginTop: 4 }}>
                {update.files.map((file) => (
                  <FileLink key={file.id} file={file} />
                ))}
              </Space>
            )}
          </div>
        ),
      }))}
    />
  );
}

/** Every evidence file of the task, from all its updates. */
export function TaskFiles({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const files = task.updates.flatMap((update) => update.files);
  return (
    <PlainList
      testId="task-files"
      items={files}
      itemKey={(file) => file.id}
      empty={t('tasks.noFiles')}
      render={(file) => <FileLink file={file} />}
    />
  );
}
