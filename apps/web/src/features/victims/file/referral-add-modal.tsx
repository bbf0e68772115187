import { SUPPORT_TYPE_LABELS, SUPPORT_TYPES, type SupportType, type VictimFileDetail } from '@atmis/domain';
import { Alert, App, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { AgencySelect } from '../../../components/agency-select.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { useSendReferral } from '../api/victims-api.ts';
import { missingReferralConsent } from './consent-rules.ts';
import { PersonSelect } from './person-select.tsx';
import { codeOptions } from './support-care-parts.tsx';
import { foldedSearch, textOrNull, todayIso } from './support-form-kit.ts';

interface FormValues {
  personId?: string;
  receivingAgencyId?: string | null;
  reason?: string;
  services?: SupportType[];
  legalBasis?: string;
}

const FIELDS = ['personId', 'receivingAgencyId', 'reason', 'services', 'legalBasis'];

/**
 * Sends a referral. Without a consent in force for a referral (or for sharing with another agency)
 * from whoever must give it, the dialog says so and asks for the legal basis instead; the server
 * checks again and explains a refusal (409 victim.referral_basis_missing), shown above the form.
 */
export function ReferralAddModal({ file, onClose }: { file: VictimFileDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const mutation = useSendReferral(file.id);
  const personId = Form.useWatch('personId', form);
  const person = file.persons.find((candidate) => candidate.id === personId);
  const missing = person ? missingReferralConsent(file.consents, person, todayIso()) : [];
  const needsLegalBasis = missing === null || missing.length > 0;
  const who = (missing ?? []).map((giver) => t(giver === 'person' ? 'victimCare.referral.whoPerson' : 'victimCare.referral.whoGuardian'));

  async function submit(values: FormValues) {
    try {
      await mutation.mutateAsync({
        personId: values.personId ?? '',
        receivingAgencyId: values.receivingAgencyId ?? '',
        reason: values.reason?.trim() ?? '',
        services: values.services ?? [],
        legalBasis: needsLegalBasis ? textOrNull(values.legalBasis) : null,
      });
      void message.success(t('victimCare.referral.sent'));
      onClose();
    } catch (error) {
      applyServerErrors(form, error, FIELDS);
    }
  }

  return (
    <FormModal
      title={t('victimCare.referral.addTitle')}
      form={form}
      onClose={onClose}
      isSaving={mutation.isPending}
      submitTestId="referral-submit"
      okText={t('victimCare.referral.add')}
      width={680}
    >
      <ErrorAlert error={mutation.error} testId="referral-error" />
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ personId: file.persons.length === 1 ? file.persons[0]!.id : undefined, services: [] }}
      >
        <Form.Item
          name="personId"
          label={t('victimCare.common.person')}
          rules={[{ required: true, message: t('victimCare.common.personRequired') }]}
        >
          <PersonSelect persons={file.persons} testId="referral-person" />
        </Form.Item>
        <Form.Item
          name="receivingAgencyId"
          label={t('victimCare.referral.receivingAgency')}
          rules={[{ required: true, message: t('victimCare.referral.agencyRequired') }]}
        >
          <AgencySelect testId="referral-agency" excludeId={file.agencyId ?? undefined} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('victimCare.referral.reason')}
          rules={[{ required: true, whitespace: true, message: t('victimCare.referral.reasonRequired') }, { max: 2000 }]}
        >
          <Input.TextArea rows={3} data-testid="referral-reason" />
        </Form.Item>
        <Form.Item name="services" label={t('victimCare.referral.services')}>
          <Select
            mode="multiple"
            data-testid="referral-services"
            options={codeOptions(SUPPORT_TYPES, SUPPORT_TYPE_LABELS)}
            showSearch={foldedSearch}
          />
        </Form.Item>
        {person && needsLegalBasis && (
          <>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="referral-consent-missing"
              title={
                missing === null
                  ? t('victimCare.referral.consentUnknown')
                  : `${t('victimCare.referral.consentMissing')}. ${t('victimCare.referral.consentMissingWho', { who: who.join(t('victimCare.common.and')) })}`
              }
              description={t('victimCare.referral.consentRule')}
            />
            <Form.Item name="legalBasis" label={t('victimCare.referral.legalBasis')} rules={[{ max: 2000 }]}>
              <Input.TextArea rows={2} data-testid="referral-legal-basis" />
            </Form.Item>
          </>
        )}
      </Form>
    </FormModal>
  );
}
