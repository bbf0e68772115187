import { SUPPORT_TYPE_LABELS, SUPPORT_TYPES, supportNeedsStartDate, type SupportType, type VictimFileDetail } from '@atmis/domain';
import { App, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { AgencySelect } from '../../../components/agency-select.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { DATE_FORMAT, formatDate, toIsoDate } from '../../../lib/format.ts';
import { useAddSupport } from '../api/victims-api.ts';
import { PersonSelect } from './person-select.tsx';
import { codeOptions, VndInput } from './support-care-parts.tsx';
import { foldedSearch, isAfterToday, textOrNull, todayIso } from './support-form-kit.ts';
import { SupportRateField } from './support-rate-field.tsx';
import { amountFromRate, rateDayOf } from './support-rules.ts';

type AddStatus = 'planned' | 'in_progress' | 'completed';
const ADD_STATUSES: readonly AddStatus[] = ['planned', 'in_progress', 'completed'];

interface FormValues {
  personId?: string;
  type?: SupportType;
  providerAgencyId?: string | null;
  providerName?: string;
  status: AddStatus;
  appliedOn?: Dayjs | null;
  startedOn?: Dayjs | null;
  endedOn?: Dayjs | null;
  rateId?: string | null;
  amountVnd?: number | null;
  referralId?: string | null;
  notes?: string;
}

const FIELDS = [
  'personId',
  'type',
  'providerAgencyId',
  'providerName',
  'status',
  'appliedOn',
  'startedOn',
  'endedOn',
  'rateId',
  'amountVnd',
  'referralId',
  'notes',
];

/**
 * Records a support: planned (the support plan), in progress or completed. The rate list follows the
 * type and the day; a per-person rate fills the amount, which stays editable.
 */
export function SupportAddModal({ file, onClose }: { file: VictimFileDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const mutation = useAddSupport(file.id);
  const personId = Form.useWatch('personId', form);
  const type = Form.useWatch('type', form);
  const status = Form.useWatch('status', form) ?? 'planned';
  const appliedOn = Form.useWatch('appliedOn', form);
  const startedOn = Form.useWatch('startedOn', form);
  const rateDay = rateDayOf({ startedOn: toIsoDate(startedOn), appliedOn: toIsoDate(appliedOn) }, todayIso());
  const referrals = file.referrals.filter((referral) => !personId || referral.personId === personId);

  async function submit(values: FormValues) {
    try {
      await mutation.mutateAsync({
        personId: values.personId ?? '',
        type: values.type!,
        providerAgencyId: values.providerAgencyId ?? null,
        providerName: textOrNull(values.providerName),
        status: values.status,
        appliedOn: toIsoDate(values.appliedOn) ?? null,
        startedOn: toIsoDate(values.startedOn) ?? null,
        endedOn: toIsoDate(values.endedOn) ?? null,
        rateId: values.rateId ?? null,
        amountVnd: values.amountVnd ?? null,
        referralId: values.referralId ?? null,
        notes: textOrNull(values.notes),
      });
      void message.success(t('victimCare.common.saved'));
      onClose();
    } catch (error) {
      applyServerErrors(form, error, FIELDS);
    }
  }

  const dateField = (name: 'appliedOn' | 'startedOn' | 'endedOn', required = false) => (
    <Form.Item
      name={name}
      label={t(`victimCare.support.${name}`)}
      rules={required ? [{ required: true, message: t('victimCare.support.startedRequired') }] : []}
    >
      <DatePicker
        format={DATE_FORMAT}
        placeholder={t('common.dateFormatHint')}
        disabledDate={isAfterToday}
        data-testid={`support-${name.replace('On', '')}-on`}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );

  return (
    <FormModal
      title={t('victimCare.support.addTitle')}
      form={form}
      onClose={onClose}
      isSaving={mutation.isPending}
      submitTestId="support-submit"
      width={720}
    >
      <ErrorAlert error={mutation.error} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ personId: file.persons.length === 1 ? file.persons[0]!.id : undefined, status: 'planned' }}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="personId"
              label={t('victimCare.common.person')}
              rules={[{ required: true, message: t('victimCare.common.personRequired') }]}
            >
              <PersonSelect persons={file.persons} testId="support-person" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="type"
              label={t('victimCare.support.type')}
              rules={[{ required: true, message: t('victimCare.support.typeRequired') }]}
            >
              <Select
                data-testid="support-type"
                options={codeOptions(SUPPORT_TYPES, SUPPORT_TYPE_LABELS)}
                showSearch={foldedSearch}
                onChange={() => form.setFieldsValue({ rateId: null })}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="providerAgencyId" label={t('victimCare.support.providerAgency')}>
              <AgencySelect testId="support-provider-agency" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="providerName" label={t('victimCare.support.providerName')} rules={[{ max: 300 }]}>
              <Input data-testid="support-provider-name" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="status" label={t('victimCare.common.status')}>
          <Select
            data-testid="support-status"
            options={ADD_STATUSES.map((value) => ({ value, label: t(`victimCare.support.statusChoices.${value}`) }))}
            showSearch={foldedSearch}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            {dateField('appliedOn')}
          </Col>
          <Col xs={24} sm={8}>
            {dateField('startedOn', supportNeedsStartDate(status))}
          </Col>
          <Col xs={24} sm={8}>
            {dateField('endedOn')}
          </Col>
        </Row>
        {type && (
          <Form.Item name="rateId" label={`${t('victimCare.support.rate')} (${formatDate(rateDay)})`}>
            <SupportRateField
              type={type}
              on={rateDay}
              orgUnitId={file.orgUnitId}
              onRateChosen={(rate) => {
                const amount = rate ? amountFromRate(rate) : null;
                if (amount !== null) form.setFieldsValue({ amountVnd: amount });
              }}
            />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            <Form.Item name="amountVnd" label={t('victimCare.support.amount')}>
              <VndInput testId="support-amount" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item name="referralId" label={t('victimCare.support.referral')}>
              <Select
                allowClear
                data-testid="support-referral"
                options={referrals.map((referral) => ({
                  value: referral.id,
                  label: `${referral.receivingAgencyName} — ${formatDate(referral.sentOn)}`,
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="notes" label={t('victimCare.common.notes')} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={2} data-testid="support-notes" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
