import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { ATTACHMENT_KIND_LABELS, type VictimFileDetail } from '@atmis/domain';
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../../components/use-notify-error.ts';
import { downloadFile } from '../../../lib/download.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';
import { attachmentUrl, type AttachmentView } from '../api/victims-api.ts';
import { AttachmentModal } from './attachment-modal.tsx';
import { formatBytes } from './code-options.ts';

/** The file's documents; each download fetches the decrypted content from the server (audited). */
export function DocumentsTab({ file }: { file: VictimFileDetail }) {
  const { t, i18n } = useTranslation();
  const notifyError = useNotifyError();
  const [isAdding, setIsAdding] = useState(false);
  const [downloading, setDownloading] = useState<string | null>(null);
  const persons = new Map(file.persons.map((person) => [person.id, person.maskedName]));
  const none = t('victimFile.none');
  const canAdd = file.canManage || file.canManageSupport;

  async function download(attachment: AttachmentView) {
    setDownloading(attachment.id);
    try {
      await downloadFile(attachmentUrl(attachment.id), attachment.fileName, i18n.language);
    } catch (error) {
      notifyError(error);
    } finally {
      setDownloading(null);
    }
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        {canAdd && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsAdding(true)} data-testid="attachment-add">
            {t('victimFile.documents.add')}
          </Button>
        )}
        <Typography.Text type="secondary">{t('victimFile.documents.downloadHint')}</Typography.Text>
      </Space>
      <Table<AttachmentView>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={file.attachments ?? []}
        data-testid="attachments-table"
        locale={{ emptyText: t('victimFile.documents.empty') }}
        scroll={{ x: 900 }}
        onRow={(attachment) => ({ 'data-testid': `attachment-row-${attachment.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'kind',
            title: t('victimFile.documents.kind'),
            width: 200,
            render: (_, row) => <Tag>{pickLabel(ATTACHMENT_KIND_LABELS[row.kind])}</Tag>,
          },
          {
            key: 'name',
            title: t('victimFile.documents.name'),
            render: (_, row) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text>{row.fileName}</Typography.Text>
                {row.description && <Typography.Text type="secondary">{row.description}</Typography.Text>}
              </Space>
            ),
          },
          { key: 'size', title: t('victimFile.documents.size'), width: 100, render: (_, row) => formatBytes(row.size, i18n.language) },
          {
            key: 'person',
            title: t('victimFile.documents.person'),
            width: 120,
            render: (_, row) => (row.personId ? (persons.get(row.personId) ?? none) : none),
          },
          { key: 'at', title: t('victimFile.documents.uploadedAt'), width: 150, render: (_, row) => formatDateTime(row.createdAt) },
          { key: 'by', title: t('victimFile.documents.uploadedBy'), width: 160, render: (_, row) => row.uploadedByName ?? none },
          {
            key: 'download',
            title: '',
            width: 110,
            fixed: 'right',
            render: (_, row) => (
              <Tooltip title={t('victimFile.documents.downloadHint')}>
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  loading={downloading === row.id}
                  onClick={() => void download(row)}
                  data-testid={`attachment-download-${row.id}`}
                >
                  {t('victimFile.documents.download')}
                </Button>
              </Tooltip>
            ),
          },
        ]}
      />
      {isAdding && <AttachmentModal file={file} onClose={() => setIsAdding(false)} />}
    </Space>
  );
}
