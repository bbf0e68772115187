import type { AgencyView } from '@atmis/domain';
import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { AgencySelect } from '../../../components/agency-select.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { DATE_FORMAT, toIsoDate } from '../../../lib/format.ts';
import { useMergeAgency } from '../api/agencies-api.ts';

interface FormValues {
  successorId: string;
  effectiveFrom: Dayjs;
  reason?: string;
}

/** Merging ends an agency: it asks twice (the form, then a confirmation) before it sends. */
export function AgencyMergeModal({ agency, onClose }: { agency: AgencyView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const mutation = useMergeAgency(agency.id);

  async function send(values: FormValues) {
    try {
      await mutation.mutateAsync({
        successorId: values.successorId,
        effectiveFrom: toIsoDate(values.effectiveFrom) ?? '',
        reason: values.reason?.trim() ? values.reason : null,
      });
      message.success(t('agencies.merged'));
      onClose();
    } catch (error) {
      applyServerErrors(form, error, ['successorId', 'effectiveFrom', 'reason']);
    }
  }

  function submit(values: FormValues) {
    modal.confirm({
      title: t('agencies.mergeConfirm', { name: agency.name }),
      okText: t('agencies.merge'),
      okButtonProps: { danger: true, 'data-testid': 'agency-merge-confirm' },
      cancelText: t('common.cancel'),
      onOk: () => send(values),
    });
  }

  return (
    <Modal
      open
      title={t('agencies.mergeTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('agencies.merge')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      okButtonProps={{ danger: true, 'data-testid': 'agency-merge-submit' }}
    >
      <Alert type="warning" showIcon title={t('agencies.mergeWarning', { name: agency.name })} style={{ marginBottom: 12 }} />
      <ErrorAlert error={mutation.error} />
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} initialValues={{ effectiveFrom: dayjs() }}>
        <Form.Item
          name="successorId"
          label={t('agencies.successor')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('agencies.successor').toLowerCase() }) }]}
        >
          <AgencySelect testId="agency-merge-successor" excludeId={agency.id} allowClear={false} />
        </Form.Item>
        <Form.Item
          name="effectiveFrom"
          label={t('agencies.effectiveFrom')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('agencies.effectiveFrom').toLowerCase() }) }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            placeholder={t('common.dateFormatHint')}
            data-testid="agency-merge-effective-from"
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('agencies.reason')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} data-testid="agency-merge-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
