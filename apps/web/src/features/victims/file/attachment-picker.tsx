import { UploadOutlined } from '@ant-design/icons';
import { ATTACHMENT_ACCEPT, detectAttachmentFormat, VICTIM_ATTACHMENT_MAX_BYTES } from '@atmis/domain';
import { Button, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A file read in the browser, ready for the JSON upload (base64, checked by the server again). */
export interface PickedFile {
  fileName: string;
  size: number;
  contentBase64: string;
}

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/**
 * Chooses one document (never uploaded by itself): its size and type are checked at once from the
 * content with the domain's `detectAttachmentFormat`, the same rule the server applies, so that a
 * renamed or oversized file is refused before it travels. `onProblem` gets the Vietnamese reason.
 */
export function AttachmentPicker({
  value,
  onChange,
  onProblem,
  id,
}: {
  value?: PickedFile | undefined;
  onChange?: (value: PickedFile | undefined) => void;
  onProblem: (message: string | null) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const [isReading, setIsReading] = useState(false);

  async function pick(file: File) {
    onChange?.(undefined);
    if (file.size > VICTIM_ATTACHMENT_MAX_BYTES) {
      onProblem(`Tệp quá lớn: tối đa ${VICTIM_ATTACHMENT_MAX_BYTES / 1024 / 1024} MB.`);
      return;
    }
    setIsReading(true);
    try {
      const format = detectAttachmentFormat(file.name, new Uint8Array(await file.arrayBuffer()));
      if (!format.ok) {
        onProblem(format.message);
        return;
      }
      onChange?.({ fileName: file.name, size: file.size, contentBase64: await base64Of(file) });
      onProblem(null);
    } catch {
      onProblem(t('common.error'));
    } finally {
      setIsReading(false);
    }
  }

  return (
    <div data-testid="attachment-upload" id={id}>
      <Upload
        accept={ATTACHMENT_ACCEPT}
        maxCount={1}
        fileList={value ? [{ uid: 'picked', name: value.fileName, status: 'done' }] : []}
        beforeUpload={(file) => {
          void pick(file);
          return false;
        }}
        onRemove={() => {
          onChange?.(undefined);
          return true;
        }}
      >
        <Button icon={<UploadOutlined />} loading={isReading} data-testid="attachment-choose">
          {t('victimFile.documents.choose')}
        </Button>
      </Upload>
    </div>
  );
}
