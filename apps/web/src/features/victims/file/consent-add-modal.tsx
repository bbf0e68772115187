import {
  CONSENT_GIVER_LABELS,
  CONSENT_GIVERS,
  CONSENT_LEGAL_REFERENCE,
  CONSENT_PURPOSE_LABELS,
  CONSENT_PURPOSES,
  type ConsentGiver,
  type ConsentPurpose,
  type VictimFileDetail,
} from '@atmis/domain';
import { Alert, App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { DATE_FORMAT, toIsoDate } from '../../../lib/format.ts';
import { useAddConsent } from '../api/victims-api.ts';
import { requiredGiversOf } from './consent-rules.ts';
import { PersonSelect } from './person-select.tsx';
import { codeOptions } from './support-care-parts.tsx';
import { foldedSearch, isAfterToday, textOrNull, todayIso } from './support-form-kit.ts';

interface FormValues {
  personId?: string;
  purpose?: ConsentPurpose;
  givenBy?: ConsentGiver;
  givenOn?: Dayjs;
  note?: string;
}

const FIELDS = ['personId', 'purpose', 'givenBy', 'givenOn', 'note'];

/** Whose consent the chosen person needs (adult, child under 7, older child), with the legal basis. */
function WhoMustConsent({ person }: { person: VictimFileDetail['persons'][number] | undefined }) {
  const { t } = useTranslation();
  if (!person) return null;
  const givers = requiredGiversOf(person, todayIso());
  const key = givers.length === 2 ? 'requiredChild' : givers[0] === 'guardian' ? 'requiredYoungChild' : 'requiredAdult';
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="consent-required-hint"
      title={t(`victimCare.consent.${key}`)}
      description={person.treatedAsChild ? t('victimCare.consent.legalReference', { reference: CONSENT_LEGAL_REFERENCE }) : undefined}
    />
  );
}

/** Records a consent (purpose, who gave it, when). The dialog stays open with the input on a refusal. */
export function ConsentAddModal({ file, onClose }: { file: VictimFileDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const mutation = useAddConsent(file.id);
  const personId = Form.useWatch('personId', form);
  const person = file.persons.find((candidate) => candidate.id === personId);

  async function submit(values: FormValues) {
    try {
      await mutation.mutateAsync({
        personId: values.personId ?? '',
        purpose: values.purpose!,
        givenBy: values.givenBy!,
        givenOn: toIsoDate(values.givenOn) ?? '',
        note: textOrNull(values.note),
      });
      void message.success(t('victimCare.common.saved'));
      onClose();
    } catch (error) {
      applyServerErrors(form, error, FIELDS);
    }
  }

  return (
    <FormModal
      title={t('victimCare.consent.add')}
      form={form}
      onClose={onClose}
      isSaving={mutation.isPending}
      submitTestId="consent-submit"
      width={620}
    >
      <ErrorAlert error={mutation.error} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ personId: file.persons.length === 1 ? file.persons[0]!.id : undefined, givenOn: dayjs() }}
      >
        <Form.Item
          name="personId"
          label={t('victimCare.common.person')}
          rules={[{ required: true, message: t('victimCare.common.personRequired') }]}
        >
          <PersonSelect persons={file.persons} testId="consent-person" />
        </Form.Item>
        <WhoMustConsent person={person} />
        <Form.Item
          name="purpose"
          label={t('victimCare.consent.purpose')}
          rules={[{ required: true, message: t('victimCare.consent.purposeRequired') }]}
        >
          <Select data-testid="consent-purpose" options={codeOptions(CONSENT_PURPOSES, CONSENT_PURPOSE_LABELS)} showSearch={foldedSearch} />
        </Form.Item>
        <Form.Item
          name="givenBy"
          label={t('victimCare.consent.givenBy')}
          rules={[{ required: true, message: t('victimCare.consent.givenByRequired') }]}
        >
          <Select data-testid="consent-given-by" options={codeOptions(CONSENT_GIVERS, CONSENT_GIVER_LABELS)} showSearch={foldedSearch} />
        </Form.Item>
        <Form.Item
          name="givenOn"
          label={t('victimCare.consent.givenOn')}
          rules={[{ required: true, message: t('victimCare.common.dateRequired') }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            placeholder={t('common.dateFormatHint')}
            disabledDate={isAfterToday}
            data-testid="consent-given-on"
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item name="note" label={t('victimCare.common.note')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} data-testid="consent-note" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
