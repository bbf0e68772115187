import type { VictimFileDetail } from '@atmis/domain';
import { App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
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
    <Modal
      open
      title={t('victimFile.reopen.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('victimFile.reopen.button')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'file-reopen-submit' }}
      width={520}
      destroyOnHidden
    >
      <div data-testid="file-reopen-modal">
        <SaveError error={save.error} />
        <Form form={form} layout="vertical" onFinish={submit}>
          <ReasonField label={t('victimFile.reopen.reason')} testId="file-reopen-reason" />
        </Form>
      </div>
    </Modal>
  );
}
