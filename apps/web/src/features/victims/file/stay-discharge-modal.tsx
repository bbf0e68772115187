import { App, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { DATE_FORMAT, toIsoDate } from '../../../lib/format.ts';
import { useDischarge, type StayView } from '../api/victims-api.ts';
import { isAfterToday, textOrNull } from './support-form-kit.ts';

interface FormValues {
  dischargedOn?: Dayjs;
  notes?: string;
}

/** Records that a person left a facility (the day, today by default, and a note). */
export function StayDischargeModal({ stay, onClose }: { stay: StayView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const mutation = useDischarge();

  async function submit(values: FormValues) {
    try {
      await mutation.mutateAsync({
        stayId: stay.id,
        dischargedOn: toIsoDate(values.dischargedOn) ?? null,
        // The notes of the stay are replaced: start from the ones it has.
        notes: textOrNull(values.notes),
      });
      void message.success(t('victimCare.stay.discharged'));
      onClose();
    } catch (error) {
      applyServerErrors(form, error, ['dischargedOn', 'notes']);
    }
  }

  return (
    <FormModal
      title={t('victimCare.stay.dischargeTitle', { facility: stay.facilityName })}
      form={form}
      onClose={onClose}
      isSaving={mutation.isPending}
      submitTestId="stay-discharge-submit"
      okText={t('victimCare.stay.discharge')}
    >
      <ErrorAlert error={mutation.error} />
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} initialValues={{ dischargedOn: dayjs(), notes: stay.notes ?? '' }}>
        <Form.Item
          name="dischargedOn"
          label={t('victimCare.stay.dischargedOn')}
          rules={[{ required: true, message: t('victimCare.common.dateRequired') }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            placeholder={t('common.dateFormatHint')}
            disabledDate={(day) => isAfterToday(day) || day.format('YYYY-MM-DD') < stay.admittedOn}
            data-testid="stay-discharged-on"
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item name="notes" label={t('victimCare.common.notes')} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={3} data-testid="stay-discharge-notes" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
