import { Alert, App, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/form-modal.tsx';
import { errorMessageOf } from '../../../lib/api.ts';
import { downloadFile } from '../../../lib/download.ts';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { identifiedExportUrl, type VictimListFilter } from '../api/victims-api.ts';

const MIN_REASON = 10;

/**
 * "Xuất danh sách có thông tin nhận dạng": warns that the file identifies victims, asks why (the
 * reason goes to the audit trail with the export), then downloads the list of the current filter.
 */
export function IdentifiedExportModal({ filter, onClose }: { filter: VictimListFilter; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [isBusy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit({ reason }: { reason: string }) {
    setBusy(true);
    setFailure(null);
    const { sort: _sort, ...exportFilter } = filter;
    try {
      await downloadFile(identifiedExportUrl(), t('victims.export.identifiedFileName'), i18n.language, {
        method: 'POST',
        body: { reason: reason.trim(), filter: exportFilter },
      });
      void message.success(t('victims.export.identifiedDone'));
      onClose();
    } catch (error) {
      if (!applyServerErrors(form, error, ['reason'])) setFailure(errorMessageOf(error, t('common.error')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormModal
      title={t('victims.export.identifiedTitle')}
      form={form}
      onClose={onClose}
      isSaving={isBusy}
      submitTestId="identified-export-submit"
      okText={t('victims.export.identifiedSubmit')}
      isDanger
    >
      <Alert type="warning" showIcon title={t('victims.export.identifiedWarning')} style={{ marginBottom: 16 }} />
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="identified-export-error" />}
      <Form form={form} layout="vertical" onFinish={submit} data-testid="identified-export-form">
        <Form.Item
          name="reason"
          label={t('victims.export.reason')}
          extra={t('victims.export.reasonHelp')}
          rules={[
            { required: true, whitespace: true, message: t('common.reasonRequired') },
            { min: MIN_REASON, message: t('victims.export.reasonTooShort', { count: MIN_REASON }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="identified-export-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
