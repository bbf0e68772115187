import { ATTACHMENT_KIND_LABELS, ATTACHMENT_KINDS, type AttachmentKind, type VictimFileDetail } from '@atmis/domain';
import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/form-modal.tsx';
import type { FieldNamePath } from '../../../lib/form-errors.ts';
import { useUploadAttachment } from '../api/victims-api.ts';
import { CodeSelect } from '../../../components/code-select.tsx';
import { AttachmentPicker, type PickedFile } from './attachment-picker.tsx';
import { formFields, useSaveError } from './file-form-errors.ts';
import { SaveError } from './form-parts.tsx';
import { PersonSelect } from './person-select.tsx';

interface Values {
  upload?: PickedFile;
  kind?: AttachmentKind;
  personId?: string | null;
  description?: string;
}

const isField = formFields(['upload', 'kind', 'personId', 'description']);
// The server names the file's parts; the form has one control for both.
const fieldFor = (name: FieldNamePath): FieldNamePath | null =>
  name[0] === 'fileName' || name[0] === 'contentBase64' ? ['upload'] : isField([name[0] ?? '']) ? [name[0]!] : null;

/**
 * Adds a document to the file. Those who manage the file may add any kind; those who only manage
 * the support may add support documents (the server decides, the choice here only follows it).
 */
export function AttachmentModal({ file, onClose }: { file: VictimFileDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useUploadAttachment(file.id);
  const save = useSaveError(form, isField, fieldFor);
  const kinds: readonly AttachmentKind[] = file.canManage ? ATTACHMENT_KINDS : ['support_document'];

  async function submit(values: Values) {
    save.clear();
    const upload = values.upload!;
    try {
      await mutation.mutateAsync({
        personId: values.personId ?? null,
        kind: values.kind!,
        fileName: upload.fileName,
        description: values.description?.trim() || null,
        contentBase64: upload.contentBase64,
      });
      message.success(t('victimFile.documents.saved'));
      onClose();
    } catch (error) {
      save.fail(error);
    }
  }

  return (
    <FormModal
      title={t('victimFile.documents.addTitle')}
      form={form}
      onClose={onClose}
      isSaving={mutation.isPending}
      submitTestId="attachment-submit"
      width={640}
      testId="attachment-modal"
    >
      <SaveError error={save.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: kinds.length === 1 ? kinds[0] : undefined, personId: null }}
      >
        <Form.Item
          name="upload"
          label={t('victimFile.documents.file')}
          extra={t('victimFile.documents.fileHint')}
          rules={[{ required: true, message: t('victimFile.documents.fileRequired') }]}
        >
          <AttachmentPicker onProblem={(problem) => form.setFields([{ name: 'upload', errors: problem ? [problem] : [] }])} />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('victimFile.documents.kind')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('victimFile.documents.kind').toLowerCase() }) }]}
        >
          <CodeSelect codes={kinds} labels={ATTACHMENT_KIND_LABELS} testId="attachment-kind" />
        </Form.Item>
        <Form.Item name="personId" label={t('victimFile.documents.person')}>
          <PersonSelect persons={file.persons} testId="attachment-person" allowClear />
        </Form.Item>
        <Form.Item name="description" label={t('victimFile.documents.description')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="attachment-description" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
