import type { VictimFileDetail } from '@atmis/domain';
import { App, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/form-modal.tsx';
import { toIsoDate } from '../../../lib/format.ts';
import { useAddThreat } from '../api/victims-api.ts';
import { formFields, useSaveError } from './file-form-errors.ts';
import { DateInput, SaveError, today } from './form-parts.tsx';

interface Values {
  reportedOn?: Dayjs;
  description?: string;
}

const isField = formFields(['reportedOn', 'description']);

/** A threat to the person or their relatives, logged with its date (file readers only). */
export function ThreatModal({ file, onClose }: { file: VictimFileDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useAddThreat(file.id);
  const save = useSaveError(form, isField);

  async function submit(values: Values) {
    save.clear();
    try {
      await mutation.mutateAsync({ reportedOn: toIsoDate(values.reportedOn) ?? '', description: values.description ?? '' });
      message.success(t('victimFile.protection.saved'));
      onClose();
    } catch (error) {
      save.fail(error);
    }
  }

  return (
    <FormModal
      title={t('victimFile.protection.threatTitle')}
      form={form}
      onClose={onClose}
      isSaving={mutation.isPending}
      submitTestId="threat-submit"
      width={620}
      testId="threat-modal"
    >
      <SaveError error={save.error} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ reportedOn: today() }}>
        <Form.Item
          name="reportedOn"
          label={t('victimFile.protection.reportedOn')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('victimFile.protection.reportedOn').toLowerCase() }) }]}
        >
          <DateInput testId="threat-reported-on" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('victimFile.protection.description')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t('victimFile.protection.description').toLowerCase() }),
            },
            { max: 4000 },
          ]}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="threat-description" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
