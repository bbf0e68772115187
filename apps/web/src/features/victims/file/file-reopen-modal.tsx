import type { VictimFileDetail } from '@atmis/domain';
import { App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/form-modal.tsx';
import { useReopenFile } from '../api/victims-api.ts';
import { formFields, useSaveError } from './file-form-errors.ts';
import { ReasonField, SaveError } from './form-parts.tsx';

const isField = formFields(['reason']);

/** Reopening a closed file, with a reason kept in its history. */
export function FileReopenModal({ file, onClose }: { file: VictimFileDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const mutation = useReopenFile(file.id);
  const save = useSaveError(form, isField);

  async function submit(values: { reason: string }) {
    save.clear();
    try {
      await mutation.mutateAsync({ reason: values.reason });
      message.success(t('victimFile.reopen.done'));
      onClose();
    } catch (error) {
      save.fail(error);
    }
  }

  return (
    <FormModal
      title={t('victimFile.reopen.title')}
      form={form}
      onClose={onClose}
      isSaving={mutation.isPending}
      submitTestId="file-reopen-submit"
      okText={t('victimFile.reopen.button')}
      width={520}
      testId="file-reopen-modal"
    >
      <SaveError error={save.error} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <ReasonField label={t('victimFile.reopen.reason')} testId="file-reopen-reason" />
      </Form>
    </FormModal>
  );
}
