import { REPATRIATION_STATUSES, type VictimFileDetail } from '@atmis/domain';
import { App, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { countryOptions } from '../../../lib/countries.ts';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { useAddRepatriation } from '../api/victims-api.ts';
import { PersonSelect } from './person-select.tsx';
import {
  checkRepatriation,
  REPATRIATION_FIELDS,
  RepatriationFields,
  repatriationBodyOf,
  type RepatriationFieldValues,
} from './repatriation-fields.tsx';
import { foreignPersons } from './repatriation-rules.ts';
import { foldedSearch } from './support-form-kit.ts';

/** A new record cannot start cancelled (the server refuses it). */
const NEW_STATUSES = REPATRIATION_STATUSES.filter((status) => status !== 'cancelled');

interface FormValues extends RepatriationFieldValues {
  personId?: string;
  country?: string;
}

/** Records the repatriation of a foreign person; the country is the person's citizenship unless changed. */
export function RepatriationAddModal({ file, onClose }: { file: VictimFileDetail; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const mutation = useAddRepatriation(file.id);
  const foreigners = foreignPersons(file.persons);
  const first = foreigners.length === 1 ? foreigners[0] : undefined;

  async function submit(values: FormValues) {
    const person = file.persons.find((candidate) => candidate.id === values.personId);
    if (!checkRepatriation(form, values, person?.citizenship ?? '')) return;
    try {
      await mutation.mutateAsync({ personId: values.personId ?? '', country: values.country ?? null, ...repatriationBodyOf(values) });
      void message.success(t('victimCare.repatriation.recorded'));
      onClose();
    } catch (error) {
      applyServerErrors(form, error, ['personId', 'country', ...REPATRIATION_FIELDS]);
    }
  }

  return (
    <FormModal
      title={t('victimCare.repatriation.addTitle')}
      form={form}
      onClose={onClose}
      isSaving={mutation.isPending}
      submitTestId="repatriation-submit"
      width={680}
    >
      <ErrorAlert error={mutation.error} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ status: 'planned', personId: first?.id, country: first?.citizenship }}
        onValuesChange={(changed: Partial<FormValues>) => {
          const person = changed.personId ? file.persons.find((candidate) => candidate.id === changed.personId) : undefined;
          if (person) form.setFieldsValue({ country: person.citizenship });
        }}
      >
        <Form.Item
          name="personId"
          label={t('victimCare.common.person')}
          rules={[{ required: true, message: t('victimCare.common.personRequired') }]}
        >
          <PersonSelect persons={foreigners} testId="repatriation-person" />
        </Form.Item>
        <Form.Item name="country" label={t('victimCare.repatriation.country')}>
          <Select data-testid="repatriation-country" options={countryOptions(i18n.language)} showSearch={foldedSearch} />
        </Form.Item>
        <RepatriationFields statuses={NEW_STATUSES} />
      </Form>
    </FormModal>
  );
}
