import { UploadOutlined } from '@ant-design/icons';
import { FILE_MAX_BYTES, type PlanDetail } from '@atmis/domain';
import { App, Button, Card, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../../components/use-notify-error.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { FileLink, mimeOf, readFileAsBase64, useUploadFile } from '../../tasks/index.ts';
import { PlainList } from '../../../components/plain-list.tsx';
import { useAttachPlanFiles } from '../api/plans-api.ts';

/** The plan's files (signed document, annexes): download links, and an upload for who manages the plan. */
export function PlanAttachmentsCard({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const upload = useUploadFile();
  const attach = useAttachPlanFiles(plan.id);
  const [uploading, setUploading] = useState(0);
  const attachments = plan.attachments;
  const canUpload = plan.allowedActions.includes('update');

  async function send(file: File) {
    setUploading((count) => count + 1);
    try {
      const saved = await upload.mutateAsync({ fileName: file.name, contentBase64: await readFileAsBase64(file), mime: mimeOf(file) });
      await attach.mutateAsync([saved.id]);
      message.success(t('plans.attached', { name: file.name }));
    } catch (error) {
      notifyError(error);
    } finally {
      setUploading((count) => count - 1);
    }
  }

  return (
    <Card
      title={`${t('plans.attachments')} (${attachments.length})`}
      style={{ marginBottom: 16 }}
      data-testid="plan-attachments"
      extra={
        canUpload ? (
          <span data-testid="plan-attachments-upload">
            <Upload
              multiple
              showUploadList={false}
              beforeUpload={(file) => {
                if (file.size > FILE_MAX_BYTES) {
                  void message.error(t('tasks.fileTooLarge', { name: file.name }));
                  return Upload.LIST_IGNORE;
                }
                return true;
              }}
              customRequest={({ file, onSuccess }) => {
                void send(file as File).then(() => onSuccess?.(null));
              }}
            >
              <Button icon={<UploadOutlined />} loading={uploading > 0} data-testid="plan-attachments-upload-button">
                {t('plans.attachUpload')}
              </Button>
            </Upload>
          </span>
        ) : null
      }
    >
      {canUpload && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('plans.attachHint')}
        </Typography.Paragraph>
      )}
      <PlainList
        testId="plan-attachments-list"
        items={attachments}
        itemKey={(file) => file.id}
        itemProps={(file) => ({ 'data-testid': `plan-attachment-${file.id}` })}
        empty={t('plans.noAttachments')}
        render={(file) => (
          <>
            <FileLink file={file} />
            <Typography.Text type="secondary">{formatDateTime(file.createdAt)}</Typography.Text>
          </>
        )}
      />
    </Card>
  );
}
