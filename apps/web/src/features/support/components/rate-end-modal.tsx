import { App, DatePicker, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { DATE_FORMAT, formatValidity, toIsoDate } from '../../../lib/format.ts';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { type SupportRateView, useUpdateSupportRate } from '../../victims/index.ts';

interface EndFormValues {
  validTo?: Dayjs | null;
  legalBasis?: string;
}

/** Sets the last day a rate applies (and may complete its legal basis); the amount never changes. */
export function RateEndModal({ rate, onClose }: { rate: SupportRateView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EndFormValues>();
  const update = useUpdateSupportRate();
  const [failure, setFailure] = useState<unknown>(null);

  async function submit(values: EndFormValues) {
    setFailure(null);
    const legalBasis = values.legalBasis?.trim();
    try {
      await update.mutateAsync({
        rateId: rate.id,
        validTo: toIsoDate(values.validTo) ?? null,
        ...(legalBasis && legalBasis !== rate.legalBasis ? { legalBasis } : {}),
      });
      void message.success(t('common.saved'));
      onClose();
    } catch (error) {
      if (!applyServerErrors(form, error, ['validTo', 'legalBasis'])) setFailure(error);
    }
  }

  return (
    <FormModal title={t('victims.rates.endTitle')} form={form} onClose={onClose} isSaving={update.isPending} submitTestId="rate-end-submit">
      <Typography.Paragraph type="secondary">
        {t('victims.rates.endHelp', { validity: formatValidity(rate.validFrom, rate.validTo, t('common.present')) })}
      </Typography.Paragraph>
      <ErrorAlert error={failure} testId="rate-end-error" />
      <Form<EndFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ validTo: rate.validTo ? dayjs(rate.validTo, 'YYYY-MM-DD') : null, legalBasis: rate.legalBasis }}
        data-testid="rate-end-form"
      >
        <Form.Item
          name="validTo"
          label={t('victims.rates.validTo')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('victims.rates.validTo').toLowerCase() }) }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            placeholder={t('common.dateFormatHint')}
            data-testid="rate-end-valid-to"
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="legalBasis" label={t('victims.rates.legalBasis')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} data-testid="rate-end-legal-basis" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
