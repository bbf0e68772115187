import { CONSENT_PURPOSE_LABELS } from '@atmis/domain';
import { App, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { DATE_FORMAT, toIsoDate } from '../../../lib/format.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';
import { useWithdrawConsent, type ConsentView } from '../api/victims-api.ts';
import { isAfterToday } from './support-form-kit.ts';

interface FormValues {
  withdrawnOn?: Dayjs;
  reason?: string;
}

/** Withdrawing a consent: from that day it no longer counts (a reason is required). */
export function ConsentWithdrawModal({ consent, onClose }: { consent: ConsentView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const mutation = useWithdrawConsent();

  async function submit(values: FormValues) {
    try {
      await mutation.mutateAsync({
        consentId: consent.id,
        withdrawnOn: toIsoDate(values.withdrawnOn) ?? null,
        reason: values.reason?.trim() ?? '',
      });
      void message.success(t('victimCare.consent.withdrawn'));
      onClose();
    } catch (error) {
      applyServerErrors(form, error, ['withdrawnOn', 'reason']);
    }
  }

  return (
    <FormModal
      title={t('victimCare.consent.withdrawTitle', { purpose: pickLabel(CONSENT_PURPOSE_LABELS[consent.purpose]) })}
      form={form}
      onClose={onClose}
      isSaving={mutation.isPending}
      submitTestId="consent-withdraw-submit"
      okText={t('victimCare.consent.withdraw')}
      isDanger
    >
      <ErrorAlert error={mutation.error} />
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} initialValues={{ withdrawnOn: dayjs() }}>
        <Form.Item name="withdrawnOn" label={t('victimCare.consent.withdrawDate')}>
          <DatePicker
            format={DATE_FORMAT}
            placeholder={t('common.dateFormatHint')}
            disabledDate={(day) => isAfterToday(day) || day.format('YYYY-MM-DD') < consent.givenOn}
            data-testid="consent-withdrawn-on"
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('victimCare.consent.withdrawReason')}
          rules={[{ required: true, whitespace: true, message: t('common.reasonRequired') }, { max: 1000 }]}
        >
          <Input.TextArea rows={3} data-testid="consent-withdraw-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
