import { CORRECTION_FIELD_LABELS, REVEAL_FIELDS, type RevealField, type VictimFileDetail } from '@atmis/domain';
import { Alert, Checkbox, Col, Form, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/form-modal.tsx';
import { pickLabel } from '../../../lib/i18n/index.ts';
import type { RevealResult } from '../api/victims-api.ts';
import { formFields, useSaveError } from './file-form-errors.ts';
import { ReasonField, SaveError } from './form-parts.tsx';
import { personLabel } from './person-select.tsx';
import { useAuditedReveal } from './use-audited-reveal.ts';

/** The identity fields the persons table can show (statements have their own tab). */
export const PERSON_REVEAL_FIELDS = REVEAL_FIELDS.filter((field) => field !== 'statements') as Exclude<RevealField, 'statements'>[];

interface Values {
  fields: RevealField[];
  personIds: string[];
  reason: string;
}

const isField = formFields(['fields', 'personIds', 'reason']);

/**
 * Asks what to show, of whom and why, then reads it through the audited reveal. Nothing is ticked
 * in advance: the officer asks only for what the task needs. The result goes to `onRevealed` only.
 */
export function RevealModal({
  file,
  onRevealed,
  onClose,
}: {
  file: VictimFileDetail;
  onRevealed: (result: RevealResult) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { reveal, isPending } = useAuditedReveal(file.id);
  const save = useSaveError(form, isField);

  async function submit(values: Values) {
    save.clear();
    const isEveryone = values.personIds.length === file.persons.length;
    try {
      const result = await reveal({ reason: values.reason, fields: values.fields, ...(isEveryone ? {} : { personIds: values.personIds }) });
      onRevealed(result);
      onClose();
    } catch (error) {
      save.fail(error);
    }
  }

  return (
    <FormModal
      title={t('victimFile.reveal.title')}
      form={form}
      onClose={onClose}
      isSaving={isPending}
      submitTestId="reveal-submit"
      okText={t('victimFile.reveal.submit')}
      width={640}
      testId="reveal-modal"
    >
      <Alert type="warning" showIcon title={t('victimFile.reveal.audit')} style={{ marginBottom: 12 }} data-testid="reveal-audit-notice" />
      <SaveError error={save.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ fields: [], personIds: file.persons.map((person) => person.id) }}
      >
        <Form.Item
          name="fields"
          label={t('victimFile.reveal.fields')}
          rules={[{ required: true, type: 'array', min: 1, message: t('victimFile.reveal.fieldsRequired') }]}
        >
          <Checkbox.Group style={{ width: '100%' }}>
            <Row gutter={[8, 4]}>
              {PERSON_REVEAL_FIELDS.map((field) => (
                <Col key={field} xs={24} sm={12}>
                  <Checkbox value={field} data-testid={`reveal-field-${field}`}>
                    {pickLabel(CORRECTION_FIELD_LABELS[field], field)}
                  </Checkbox>
                </Col>
              ))}
            </Row>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item
          name="personIds"
          label={t('victimFile.reveal.persons')}
          rules={[{ required: true, type: 'array', min: 1, message: t('victimFile.reveal.personsRequired') }]}
        >
          <Checkbox.Group>
            <Space orientation="vertical">
              {file.persons.map((person) => (
                <Checkbox key={person.id} value={person.id} data-testid={`reveal-person-${person.position}`}>
                  {personLabel(person)}
                </Checkbox>
              ))}
            </Space>
          </Checkbox.Group>
        </Form.Item>
        <ReasonField
          label={t('victimFile.reveal.reason')}
          testId="reveal-reason"
          placeholder={t('victimFile.reveal.reasonPlaceholder')}
          extra=""
        />
      </Form>
    </FormModal>
  );
}
