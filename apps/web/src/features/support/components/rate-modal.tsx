import { SUPPORT_TYPE_LABELS, SUPPORT_TYPES, type SupportType } from '@atmis/domain';
import { App, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { DATE_FORMAT, toIsoDate } from '../../../lib/format.ts';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { useCreateSupportRate } from '../../victims/index.ts';
import { CodeSelect } from '../../../components/code-select.tsx';
import { NumberField } from '../../../components/number-field.tsx';
import { RateUnitSelect } from './rate-unit.tsx';

export const RATE_PERIODS = ['person', 'day', 'month'] as const;
type RatePer = (typeof RATE_PERIODS)[number];

interface RateFormValues {
  orgUnitId?: string;
  type?: SupportType;
  amountVnd?: number;
  per: RatePer;
  validFrom?: Dayjs;
  validTo?: Dayjs | null;
  legalBasis?: string;
}

const FIELDS = ['orgUnitId', 'type', 'amountVnd', 'per', 'validFrom', 'validTo', 'legalBasis'] as const;

/** Whole đồng with Vietnamese thousands separators (1.500.000) in the amount box. */
export function formatVndInput(value: number | string | undefined): string {
  // While typing, antd hands back the text as shown ("1.500.0001"): regroup its digits.
  const digits = String(value ?? '').replace(/\D/g, '');
  return digits.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
/** The amount typed; an emptied box is no amount (the form asks for one), never a silent 0. */
export function parseVndInput(text: string | undefined): number {
  const digits = (text ?? '').replace(/\D/g, '');
  return (digits === '' ? '' : Number(digits)) as number;
}

/**
 * A new support rate (định mức hỗ trợ) set by a province or nationally, with its legal basis. Rates
 * are never rewritten: a change is a new rate, and the old one is ended.
 */
export function RateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RateFormValues>();
  const create = useCreateSupportRate();
  const [failure, setFailure] = useState<unknown>(null);

  async function submit(values: RateFormValues) {
    setFailure(null);
    try {
      await create.mutateAsync({
        orgUnitId: values.orgUnitId ?? '',
        type: values.type as SupportType,
        amountVnd: values.amountVnd ?? 0,
        per: values.per,
        validFrom: toIsoDate(values.validFrom) ?? '',
        validTo: toIsoDate(values.validTo) ?? null,
        legalBasis: values.legalBasis?.trim() ?? '',
      });
      void message.success(t('common.saved'));
      onClose();
    } catch (error) {
      if (!applyServerErrors(form, error, FIELDS)) setFailure(error);
    }
  }

  const required = (label: string) => ({ required: true, message: t('common.required', { field: label.toLowerCase() }) });

  return (
    <FormModal
      title={t('victims.rates.addTitle')}
      form={form}
      onClose={onClose}
      isSaving={create.isPending}
      submitTestId="rate-submit"
      width={680}
    >
      <ErrorAlert error={failure} testId="rate-error" />
      <Form<RateFormValues> form={form} layout="vertical" onFinish={submit} initialValues={{ per: 'person' }} data-testid="rate-form">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="orgUnitId"
              label={t('victims.rates.unit')}
              tooltip={t('victims.rates.unitHelp')}
              rules={[required(t('victims.rates.unit'))]}
            >
              <RateUnitSelect testId="rate-unit" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="type" label={t('victims.rates.type')} rules={[required(t('victims.rates.type'))]}>
              <CodeSelect codes={SUPPORT_TYPES} labels={SUPPORT_TYPE_LABELS} testId="rate-type" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="amountVnd" label={t('victims.rates.amount')} rules={[required(t('victims.rates.amount'))]}>
              <NumberField
                min={0}
                max={1_000_000_000_000}
                formatter={formatVndInput}
                parser={parseVndInput}
                suffix="đ"
                testId="rate-amount"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="per" label={t('victims.rates.per')}>
              <Select<RatePer>
                data-testid="rate-per"
                options={RATE_PERIODS.map((value) => ({ value, label: t(`victims.rates.perLabel.${value}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="validFrom" label={t('victims.rates.validFrom')} rules={[required(t('victims.rates.validFrom'))]}>
              <DatePicker
                format={DATE_FORMAT}
                placeholder={t('common.dateFormatHint')}
                data-testid="rate-valid-from"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="validTo" label={t('victims.rates.validTo')}>
              <DatePicker
                format={DATE_FORMAT}
                placeholder={t('common.dateFormatHint')}
                data-testid="rate-valid-to"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="legalBasis"
          label={t('victims.rates.legalBasis')}
          extra={t('victims.rates.legalBasisHelp')}
          rules={[{ ...required(t('victims.rates.legalBasis')), whitespace: true }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} data-testid="rate-legal-basis" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
