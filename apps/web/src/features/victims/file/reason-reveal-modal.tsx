import type { RevealField } from '@atmis/domain';
import { Alert, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RevealResult } from '../api/victims-api.ts';
import { formFields, useSaveError } from './file-form-errors.ts';
import { ReasonField, SaveError } from './form-parts.tsx';
import { useAuditedReveal } from './use-audited-reveal.ts';

const isField = formFields(['reason']);

/** Asks only for the reason of an audited reveal of fixed fields (e.g. the statements' contents). */
export function ReasonRevealModal({
  fileId,
  fields,
  title,
  okText,
  testIdPrefix,
  onRevealed,
  onClose,
}: {
  fileId: string;
  fields: RevealField[];
  title: string;
  okText: string;
  testIdPrefix: string;
  onRevealed: (result: RevealResult) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const { reveal, isPending } = useAuditedReveal(fileId);
  const save = useSaveError(form, isField);

  async function submit(values: { reason: string }) {
    save.clear();
    try {
      onRevealed(await reveal({ reason: values.reason, fields }));
      onClose();
    } catch (error) {
      save.fail(error);
    }
  }

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText}
      cancelText={t('common.cancel')}
      confirmLoading={isPending}
      okButtonProps={{ 'data-testid': `${testIdPrefix}-submit` }}
      width={560}
      destroyOnHidden
    >
      <div data-testid={`${testIdPrefix}-modal`}>
        <Alert type="warning" showIcon title={t('victimFile.reveal.audit')} style={{ marginBottom: 12 }} />
        <SaveError error={save.error} />
        <Form form={form} layout="vertical" onFinish={submit}>
          <ReasonField label={t('victimFile.reveal.reason')} testId={`${testIdPrefix}-reason`} extra="" />
        </Form>
      </div>
    </Modal>
  );
}
