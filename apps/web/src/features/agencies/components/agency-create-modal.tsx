import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { AgencySelect } from '../../../components/agency-select.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { OrgUnitSelect } from '../../../components/org-unit-select.tsx';
import { useWorkingUnit } from '../../../app/auth/working-unit.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { DATE_FORMAT, toIsoDate } from '../../../lib/format.ts';
import { useCreateAgency } from '../api/agencies-api.ts';
import { agencyTypeOptions } from './agency-type.ts';

interface FormValues {
  code: string;
  name: string;
  shortName?: string;
  type: string;
  parentId?: string | null;
  orgUnitId: string;
  validFrom?: Dayjs | null;
}

const FIELDS = ['code', 'name', 'shortName', 'type', 'parentId', 'orgUnitId', 'validFrom'];

export function AgencyCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { workingUnit, options } = useWorkingUnit();
  const [form] = Form.useForm<FormValues>();
  const mutation = useCreateAgency();
  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field: field.toLowerCase() }) });

  async function submit(values: FormValues) {
    try {
      await mutation.mutateAsync({
        code: values.code.trim(),
        name: values.name,
        shortName: values.shortName?.trim() ? values.shortName : null,
        type: values.type,
        parentId: values.parentId ?? null,
        orgUnitId: values.orgUnitId,
        validFrom: toIsoDate(values.validFrom) ?? null,
      });
      message.success(t('agencies.created'));
      onClose();
    } catch (error) {
      applyServerErrors(form, error, FIELDS);
    }
  }

  return (
    <Modal
      open
      title={t('agencies.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'agency-create-submit' }}
      width={600}
    >
      <ErrorAlert error={mutation.error} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ orgUnitId: workingUnit?.orgUnitId }}
        data-testid="agency-create-form"
      >
        <Form.Item
          name="code"
          label={t('agencies.code')}
          rules={[required(t('agencies.code')), { min: 2, max: 50, pattern: /^[A-Za-z0-9._-]+$/, message: t('agencies.codePattern') }]}
        >
          <Input className="atmis-mono" data-testid="agency-code" />
        </Form.Item>
        <Form.Item name="name" label={t('agencies.name')} rules={[required(t('agencies.name')), { max: 300 }]}>
          <Input data-testid="agency-name" />
        </Form.Item>
        <Form.Item name="shortName" label={t('agencies.shortName')} rules={[{ max: 100 }]}>
          <Input data-testid="agency-short-name" />
        </Form.Item>
        <Form.Item
          name="type"
          label={t('agencies.type')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('agencies.type').toLowerCase() }) }]}
        >
          <Select showSearch={{ optionFilterProp: 'label' }} options={agencyTypeOptions()} data-testid="agency-type" />
        </Form.Item>
        <Form.Item
          name="orgUnitId"
          label={t('agencies.orgUnit')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('agencies.orgUnit').toLowerCase() }) }]}
        >
          <OrgUnitSelect
            testId="agency-org-unit"
            knownOptions={options.map((option) => ({ value: option.orgUnitId, label: option.orgUnitName }))}
            onChange={(value) => form.setFieldsValue({ orgUnitId: value ?? '', parentId: null })}
          />
        </Form.Item>
        <Form.Item name="parentId" label={t('agencies.parent')}>
          <AgencySelect testId="agency-parent" />
        </Form.Item>
        <Form.Item name="validFrom" label={t('agencies.validFrom')}>
          <DatePicker
            format={DATE_FORMAT}
            placeholder={t('common.dateFormatHint')}
            data-testid="agency-valid-from"
            style={{ width: 200 }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
