import type { VictimFileDetail } from '@atmis/domain';
import { App, Form } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { useUpdateRepatriation, type RepatriationView } from '../api/victims-api.ts';
import {
  checkRepatriation,
  REPATRIATION_FIELDS,
  RepatriationFields,
  repatriationBodyOf,
  type RepatriationFieldValues,
} from './repatriation-fields.tsx';
import { nextRepatriationStatuses } from './repatriation-rules.ts';
import { personNameOf } from './support-care-parts.tsx';

const asDay = (value: string | null) => (value ? dayjs(value, 'YYYY-MM-DD') : null);

/** Moves a repatriation on (the domain's allowed moves) and completes its mission, dates and place. */
export function RepatriationUpdateModal({
  file,
  repatriation,
  onClose,
}: {
  file: VictimFileDetail;
  repatriation: RepatriationView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RepatriationFieldValues>();
  const mutation = useUpdateRepatriation();
  const citizenship = file.persons.find((person) => person.id === repatriation.personId)?.citizenship ?? repatriation.country;

  async function submit(values: RepatriationFieldValues) {
    if (!checkRepatriation(form, values, citizenship)) return;
    try {
      await mutation.mutateAsync({ repatriationId: repatriation.id, ...repatriationBodyOf(values) });
      void message.success(t('victimCare.repatriation.updated'));
      onClose();
    } catch (error) {
      applyServerErrors(form, error, REPATRIATION_FIELDS);
    }
  }

  return (
    <FormModal
      title={t('victimCare.repatriation.updateTitle', { person: personNameOf(file, repatriation.personId) })}
      form={form}
      onClose={onClose}
      isSaving={mutation.isPending}
      submitTestId="repatriation-update-submit"
      width={680}
    >
      <ErrorAlert error={mutation.error} />
      <Form<RepatriationFieldValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          status: repatriation.status,
          mission: repatriation.mission ?? '',
          missionContactedOn: asDay(repatriation.missionContactedOn),
          handoverOn: asDay(repatriation.handoverOn),
          handoverPlace: repatriation.handoverPlace ?? '',
          notes: repatriation.notes ?? '',
        }}
      >
        <RepatriationFields statuses={nextRepatriationStatuses(repatriation.status)} />
      </Form>
    </FormModal>
  );
}
