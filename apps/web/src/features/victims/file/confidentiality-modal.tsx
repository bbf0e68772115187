import { CONFIDENTIALITY_FLAG_LABELS, CONFIDENTIALITY_FLAGS, type ConfidentialityFlag, type VictimFileDetail } from '@atmis/domain';
import { Alert, App, Checkbox, Form, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/form-modal.tsx';
import { pickLabel } from '../../../lib/i18n/index.ts';
import { useSetConfidentiality } from '../api/victims-api.ts';
import { formFields, useSaveError } from './file-form-errors.ts';
import { ReasonField, SaveError } from './form-parts.tsx';

interface Values {
  flags: ConfidentialityFlag[];
  reason: string;
}

const isField = formFields(['flags', 'reason']);

/** The standing confidentiality instructions of the file, changed with a reason (audited). */
export function ConfidentialityModal({ file, onClose }: { file: VictimFileDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useSetConfidentiality(file.id);
  const save = useSaveError(form, isField);

  async function submit(values: Values) {
    save.clear();
    try {
      await mutation.mutateAsync({ flags: values.flags ?? [], reason: values.reason });
      message.success(t('victimFile.confidentiality.saved'));
      onClose();
    } catch (error) {
      save.fail(error);
    }
  }

  return (
    <FormModal
      title={t('victimFile.confidentiality.title')}
      form={form}
      onClose={onClose}
      isSaving={mutation.isPending}
      submitTestId="confidentiality-submit"
      width={620}
      testId="confidentiality-modal"
    >
      <Alert type="info" showIcon title={t('victimFile.confidentiality.hint')} style={{ marginBottom: 12 }} />
      <SaveError error={save.error} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ flags: file.confidentialityFlags }}>
        <Form.Item name="flags" label={t('victimFile.header.flags')}>
          <Checkbox.Group>
            <Space orientation="vertical">
              {CONFIDENTIALITY_FLAGS.map((flag) => (
                <Checkbox key={flag} value={flag} data-testid={`confidentiality-flag-${flag}`}>
                  {pickLabel(CONFIDENTIALITY_FLAG_LABELS[flag])}
                </Checkbox>
              ))}
            </Space>
          </Checkbox.Group>
        </Form.Item>
        <ReasonField label={t('victimFile.confidentiality.reason')} testId="confidentiality-reason" />
      </Form>
    </FormModal>
  );
}
