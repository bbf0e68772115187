import type { VictimFileDetail } from '@atmis/domain';
import { App, Checkbox, Col, Form, Input, Radio, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/form-modal.tsx';
import { toIsoDate } from '../../../lib/format.ts';
import { useAddStatement } from '../api/victims-api.ts';
import { formFields, useSaveError } from './file-form-errors.ts';
import { DateInput, SaveError, today } from './form-parts.tsx';
import { PersonSelect } from './person-select.tsx';

interface Values {
  personId?: string | null;
  kind?: 'statement' | 'record';
  takenOn?: Dayjs;
  takenBy?: string;
  language?: string;
  interpreter?: boolean;
  content?: string;
}

const isField = formFields(['personId', 'kind', 'takenOn', 'takenBy', 'language', 'interpreter', 'content']);

/** A statement or a record (biên bản); its content is stored encrypted and read back only through the audited reveal. */
export function StatementModal({ file, onClose }: { file: VictimFileDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useAddStatement(file.id);
  const save = useSaveError(form, isField);

  async function submit(values: Values) {
    save.clear();
    try {
      await mutation.mutateAsync({
        personId: values.personId ?? null,
        kind: values.kind ?? 'statement',
        takenOn: toIsoDate(values.takenOn) ?? '',
        takenBy: values.takenBy?.trim() || null,
        language: values.language?.trim().toLowerCase() || 'vi',
        interpreter: values.interpreter === true,
        content: values.content ?? '',
      });
      message.success(t('victimFile.statements.saved'));
      onClose();
    } catch (error) {
      save.fail(error);
    }
  }

  return (
    <FormModal
      title={t('victimFile.statements.addTitle')}
      form={form}
      onClose={onClose}
      isSaving={mutation.isPending}
      submitTestId="statement-submit"
      width={820}
      testId="statement-modal"
    >
      <SaveError error={save.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'statement', takenOn: today(), language: 'vi', interpreter: false, personId: file.persons[0]?.id ?? null }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="personId" label={t('victimFile.statements.person')}>
              <PersonSelect persons={file.persons} testId="statement-person" allowClear />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={t('victimFile.statements.kind')}>
              <Radio.Group>
                <Radio value="statement" data-testid="statement-kind-statement">
                  {t('victimFile.statements.kinds.statement')}
                </Radio>
                <Radio value="record" data-testid="statement-kind-record">
                  {t('victimFile.statements.kinds.record')}
                </Radio>
              </Radio.Group>
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item
              name="takenOn"
              label={t('victimFile.statements.takenOn')}
              rules={[{ required: true, message: t('common.requiredSelect', { field: t('victimFile.statements.takenOn').toLowerCase() }) }]}
            >
              <DateInput testId="statement-taken-on" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item name="takenBy" label={t('victimFile.statements.takenBy')} rules={[{ max: 200 }]}>
              <Input maxLength={200} data-testid="statement-taken-by" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item
              name="language"
              label={t('victimFile.statements.language')}
              rules={[{ pattern: /^[a-zA-Z]{2,3}$/, message: t('victimFile.statements.languageInvalid') }]}
            >
              <Input maxLength={3} data-testid="statement-language" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={16}>
            <Form.Item name="interpreter" valuePropName="checked" label=" ">
              <Checkbox data-testid="statement-interpreter">{t('victimFile.statements.interpreter')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="content"
          label={t('victimFile.statements.content')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t('victimFile.statements.content').toLowerCase() }),
            },
            { max: 50_000 },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} maxLength={50_000} showCount data-testid="statement-content" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
