import type { VictimFileDetail } from '@atmis/domain';
import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { DATE_FORMAT, toIsoDate } from '../../../lib/format.ts';
import { useAdmit, useFacilities } from '../api/victims-api.ts';
import { PersonSelect } from './person-select.tsx';
import { foldedSearch, isAfterToday, textOrNull } from './support-form-kit.ts';
import { canAdmitTo, freePlacesOf, personsStaying } from './stay-rules.ts';

interface FormValues {
  personId?: string;
  facilityId?: string;
  admittedOn?: Dayjs;
  notes?: string;
}

/**
 * Admits a person to a support facility. Facilities show their free places; full or inactive ones
 * cannot be chosen, and a person already staying somewhere is not offered (discharge them first).
 */
export function StayAdmitModal({ file, onClose }: { file: VictimFileDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const mutation = useAdmit(file.id);
  const facilities = useFacilities();
  const staying = personsStaying(file.stays);
  const admissible = file.persons.filter((person) => !staying.has(person.id));
  const facilityOptions = (facilities.data?.items ?? []).map((facility) => {
    const state = !facility.isActive
      ? t('victimCare.stay.inactive')
      : freePlacesOf(facility) > 0
        ? t('victimCare.stay.freePlaces', { count: freePlacesOf(facility) })
        : t('victimCare.stay.full');
    return { value: facility.id, label: `${facility.name} (${state}) — ${facility.orgUnitName}`, disabled: !canAdmitTo(facility) };
  });

  async function submit(values: FormValues) {
    try {
      await mutation.mutateAsync({
        personId: values.personId ?? '',
        facilityId: values.facilityId ?? '',
        admittedOn: toIsoDate(values.admittedOn) ?? '',
        notes: textOrNull(values.notes),
      });
      void message.success(t('victimCare.stay.admitted'));
      onClose();
    } catch (error) {
      applyServerErrors(form, error, ['personId', 'facilityId', 'admittedOn', 'notes']);
    }
  }

  return (
    <FormModal
      title={t('victimCare.stay.admitTitle')}
      form={form}
      onClose={onClose}
      isSaving={mutation.isPending}
      submitTestId="stay-submit"
      okText={t('victimCare.stay.admit')}
      width={640}
    >
      <ErrorAlert error={mutation.error ?? facilities.error} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ admittedOn: dayjs(), personId: admissible.length === 1 ? admissible[0]!.id : undefined }}
      >
        <Form.Item
          name="personId"
          label={t('victimCare.common.person')}
          rules={[{ required: true, message: t('victimCare.common.personRequired') }]}
        >
          <PersonSelect persons={admissible} testId="stay-person" />
        </Form.Item>
        <Form.Item
          name="facilityId"
          label={t('victimCare.stay.facility')}
          rules={[{ required: true, message: t('victimCare.stay.facilityRequired') }]}
        >
          <Select
            data-testid="stay-facility"
            options={facilityOptions}
            loading={facilities.isLoading}
            showSearch={foldedSearch}
            notFoundContent={facilities.isLoading ? t('common.loading') : t('victimCare.stay.noFacility')}
          />
        </Form.Item>
        <Form.Item
          name="admittedOn"
          label={t('victimCare.stay.admittedOn')}
          rules={[{ required: true, message: t('victimCare.common.dateRequired') }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            placeholder={t('common.dateFormatHint')}
            disabledDate={isAfterToday}
            data-testid="stay-admitted-on"
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item name="notes" label={t('victimCare.common.notes')} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={2} data-testid="stay-notes" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
