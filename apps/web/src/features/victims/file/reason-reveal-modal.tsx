import type { RevealField } from '@atmis/domain';
import { Alert, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/form-modal.tsx';
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
    <FormModal
      title={title}
      form={form}
      onClose={onClose}
      isSaving={isPending}
      submitTestId={`${testIdPrefix}-submit`}
      okText={okText}
      width={560}
      testId={`${testIdPrefix}-modal`}
    >
      <Alert type="warning" showIcon title={t('victimFile.reveal.audit')} style={{ marginBottom: 12 }} />
      <SaveError error={save.error} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <ReasonField label={t('victimFile.reveal.reason')} testId={`${testIdPrefix}-reason`} extra="" />
      </Form>
    </FormModal>
  );
}
