import type { AgencyView } from '@atmis/domain';
import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { DATE_FORMAT, toIsoDate } from '../../../lib/format.ts';
import { useRenameAgency } from '../api/agencies-api.ts';

interface FormValues {
  name: string;
  shortName?: string;
  effectiveFrom: Dayjs;
  reason?: string;
}

export function AgencyRenameModal({ agency, onClose }: { agency: AgencyView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const mutation = useRenameAgency(agency.id);

  async function submit(values: FormValues) {
    try {
      await mutation.mutateAsync({
        name: values.name,
        shortName: values.shortName?.trim() ? values.shortName : null,
        effectiveFrom: toIsoDate(values.effectiveFrom) ?? '',
        reason: values.reason?.trim() ? values.reason : null,
      });
      message.success(t('agencies.renamed'));
      onClose();
    } catch (error) {
      applyServerErrors(form, error, ['name', 'shortName', 'effectiveFrom', 'reason']);
    }
  }

  return (
    <Modal
      open
      title={t('agencies.renameTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('agencies.rename')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'agency-rename-submit' }}
    >
      <Typography.Paragraph type="secondary">{agency.name}</Typography.Paragraph>
      <ErrorAlert error={mutation.error} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ shortName: agency.shortName ?? undefined, effectiveFrom: dayjs() }}
      >
        <Form.Item
          name="name"
          label={t('agencies.newName')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('agencies.newName').toLowerCase() }) },
            { max: 300 },
          ]}
        >
          <Input data-testid="agency-rename-name" />
        </Form.Item>
        <Form.Item name="shortName" label={t('agencies.shortName')} rules={[{ max: 100 }]}>
          <Input data-testid="agency-rename-short-name" />
        </Form.Item>
        <Form.Item
          name="effectiveFrom"
          label={t('agencies.effectiveFrom')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('agencies.effectiveFrom').toLowerCase() }) }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            placeholder={t('common.dateFormatHint')}
            data-testid="agency-rename-effective-from"
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('agencies.reason')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} data-testid="agency-rename-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
