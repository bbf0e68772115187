import { PaperClipOutlined } from '@ant-design/icons';
import { FILE_MAX_BYTES, type FileView } from '@atmis/domain';
import { App, Button, Typography, Upload, type UploadFile } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageOf } from '../../../lib/api.ts';
import { mimeOf, readFileAsBase64 } from '../api/file-base64.ts';
import { useUploadFile } from '../api/tasks-api.ts';

const MAX_FILES = 10;

/**
 * Evidence files: each chosen file is sent at once (POST /files, JSON base64) and the form keeps
 * the returned ids. Works as a Form.Item control (`value` / `onChange` are the file ids).
 */
export function FileUploadField({
  value = [],
  onChange,
  testId = 'file-upload',
}: {
  value?: string[];
  onChange?: (ids: string[]) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadFile();
  const [files, setFiles] = useState<UploadFile<FileView>[]>([]);
  // Several files may finish before the form re-renders: collect ids here, not from a stale `value`.
  const idsRef = useRef(value);
  idsRef.current = value;

  return (
    <div data-testid={testId}>
      <Upload<FileView>
        multiple
        fileList={files}
        maxCount={MAX_FILES}
        beforeUpload={(file) => {
          if (file.size > FILE_MAX_BYTES) {
            void message.error(t('tasks.fileTooLarge', { name: file.name }));
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          const blob = file as File;
          void (async () => {
            try {
              const saved = await upload.mutateAsync({
                fileName: blob.name,
                contentBase64: await readFileAsBase64(blob),
                mime: mimeOf(blob),
              });
              idsRef.current = [...idsRef.current, saved.id];
              onChange?.(idsRef.current);
              onSuccess?.(saved);
            } catch (error) {
              const text = errorMessageOf(error, t('common.error'));
              void message.error(text);
              onError?.(new Error(text));
            }
          })();
        }}
        onChange={({ fileList }) => setFiles(fileList)}
        onRemove={(file) => {
          const id = file.response?.id;
          if (id) onChange?.(value.filter((existing) => existing !== id));
          return true;
        }}
      >
        <Button icon={<PaperClipOutlined />} data-testid={`${testId}-button`}>
          {t('tasks.attach')}
        </Button>
      </Upload>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('tasks.attachHint')}
      </Typography.Text>
    </div>
  );
}
