import { nextSupportStatuses, SUPPORT_TYPE_LABELS, supportNeedsStartDate, type SupportStatus } from '@atmis/domain';
import { App, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { DATE_FORMAT, toIsoDate } from '../../../lib/format.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';
import { useUpdateSupport, type SupportServiceView } from '../api/victims-api.ts';
import { VndInput } from './support-care-parts.tsx';
import { isAfterToday, textOrNull } from './support-form-kit.ts';

interface FormValues {
  status: SupportStatus;
  startedOn?: Dayjs | null;
  endedOn?: Dayjs | null;
  amountVnd?: number | null;
  notes?: string;
}

const FIELDS = ['status', 'startedOn', 'endedOn', 'amountVnd', 'notes'];
const asDay = (value: string | null) => (value ? dayjs(value, 'YYYY-MM-DD') : null);

/** Moves a support on (only the moves the server allows) and completes its dates, amount and notes. */
export function SupportUpdateModal({ support, onClose }: { support: SupportServiceView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const mutation = useUpdateSupport();
  const status = Form.useWatch('status', form) ?? support.status;

  async function submit(values: FormValues) {
    try {
      await mutation.mutateAsync({
        supportId: support.id,
        status: values.status,
        startedOn: toIsoDate(values.startedOn) ?? null,
        endedOn: toIsoDate(values.endedOn) ?? null,
        amountVnd: values.amountVnd ?? null,
        notes: textOrNull(values.notes),
      });
      void message.success(t('victimCare.support.updated'));
      onClose();
    } catch (error) {
      applyServerErrors(form, error, FIELDS);
    }
  }

  return (
    <FormModal
      title={t('victimCare.support.updateTitle', { type: pickLabel(SUPPORT_TYPE_LABELS[support.type]) })}
      form={form}
      onClose={onClose}
      isSaving={mutation.isPending}
      submitTestId="support-update-submit"
      width={620}
    >
      <ErrorAlert error={mutation.error} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          status: support.status,
          startedOn: asDay(support.startedOn),
          endedOn: asDay(support.endedOn),
          amountVnd: support.amountVnd,
          notes: support.notes ?? '',
        }}
      >
        <Form.Item name="status" label={t('victimCare.common.status')}>
          <Select
            data-testid="support-update-status"
            options={nextSupportStatuses(support.status).map((value) => ({ value, label: t(`victimCare.support.statusChoices.${value}`) }))}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="startedOn"
              label={t('victimCare.support.startedOn')}
              rules={supportNeedsStartDate(status) ? [{ required: true, message: t('victimCare.support.startedRequired') }] : []}
            >
              <DatePicker
                format={DATE_FORMAT}
                placeholder={t('common.dateFormatHint')}
                disabledDate={isAfterToday}
                data-testid="support-update-started-on"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="endedOn" label={t('victimCare.support.endedOn')}>
              <DatePicker
                format={DATE_FORMAT}
                placeholder={t('common.dateFormatHint')}
                disabledDate={isAfterToday}
                data-testid="support-update-ended-on"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="amountVnd" label={t('victimCare.support.amount')}>
          <VndInput testId="support-update-amount" />
        </Form.Item>
        <Form.Item name="notes" label={t('victimCare.common.notes')} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={3} data-testid="support-update-notes" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
