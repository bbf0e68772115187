import type { AgencyView } from '@atmis/domain';
import { App, Form, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AgencySelect } from '../../../components/agency-select.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { useUpdateAgency } from '../api/agencies-api.ts';
import { agencyTypeOptions } from './agency-type.ts';

interface FormValues {
  type: string;
  parentId?: string | null;
}

export function AgencyUpdateModal({ agency, onClose }: { agency: AgencyView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const mutation = useUpdateAgency(agency.id);

  async function submit(values: FormValues) {
    try {
      await mutation.mutateAsync({ type: values.type, parentId: values.parentId ?? null });
      message.success(t('agencies.updated'));
      onClose();
    } catch (error) {
      applyServerErrors(form, error, ['type', 'parentId']);
    }
  }

  return (
    <Modal
      open
      title={t('agencies.updateTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'agency-update-submit' }}
    >
      <Typography.Paragraph strong>{agency.name}</Typography.Paragraph>
      <ErrorAlert error={mutation.error} />
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} initialValues={{ type: agency.type, parentId: agency.parentId }}>
        <Form.Item
          name="type"
          label={t('agencies.type')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('agencies.type').toLowerCase() }) }]}
        >
          <Select showSearch={{ optionFilterProp: 'label' }} options={agencyTypeOptions()} data-testid="agency-update-type" />
        </Form.Item>
        <Form.Item name="parentId" label={t('agencies.parent')}>
          <AgencySelect
            testId="agency-update-parent"
            excludeId={agency.id}
            knownOptions={agency.parentId && agency.parentName ? [{ value: agency.parentId, label: agency.parentName }] : []}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
