import type { VictimFileDetail } from '@atmis/domain';
import { Alert, App, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/form-modal.tsx';
import { useCorrectReception, useVictimFile } from '../api/victims-api.ts';
import { ReceptionFields } from '../components/reception-fields.tsx';
import { isReceptionField, receptionFieldFor, toCreateBody, type ReceptionFormValues } from '../components/reception-values.ts';
import { useSaveError } from './file-form-errors.ts';
import { dayOf, ReasonField, SaveError } from './form-parts.tsx';

interface Values {
  reception?: ReceptionFormValues['reception'];
  reason?: string;
}

const isField = (name: (string | number)[]) => (name.length === 1 && name[0] === 'reason') || isReceptionField(name);

function receptionValues(file: VictimFileDetail): Values['reception'] {
  const reception = file.reception!;
  return {
    receivedOn: dayOf(reception.receivedOn) ?? null,
    way: reception.way,
    fromCountry: reception.fromCountry,
    borderGate: reception.borderGate ?? undefined,
    place: reception.place ?? undefined,
    receivedByName: reception.receivedByName ?? undefined,
    receivedByAgencyId: reception.receivedByAgencyId,
    receivingOfficer: reception.receivingOfficer ?? undefined,
    initialSupport: reception.initialSupport ?? undefined,
    needs: file.needs ?? [],
  };
}

/**
 * Correcting the reception facts: all of them again, prefilled from the file, with a reason and the
 * file's `version`. If someone changed the file meanwhile (409) the officer reloads: the form takes
 * the latest values, the reason stays.
 */
export function ReceptionCorrectModal({ file, onClose }: { file: VictimFileDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useCorrectReception(file.id);
  const fileQuery = useVictimFile(file.id);
  const save = useSaveError(form, isField, receptionFieldFor);
  const [isReloaded, setIsReloaded] = useState(false);
  const [version, setVersion] = useState(file.version);
  // Readers without the support sections do not see the needs: they are neither shown nor sent, so they stay as they are.
  const canSeeNeeds = file.needs !== null;

  async function submit(values: Values) {
    save.clear();
    const { needs, ...reception } = toCreateBody({ reception: values.reception }).reception;
    try {
      await mutation.mutateAsync({ reception: canSeeNeeds ? { ...reception, needs } : reception, reason: values.reason ?? '', version });
      message.success(t('victimFile.reception.corrected'));
      onClose();
    } catch (error) {
      save.fail(error);
    }
  }

  async function reload() {
    const result = await fileQuery.refetch();
    if (!result.data?.reception) return;
    form.setFieldsValue({ reception: receptionValues(result.data) });
    setVersion(result.data.version);
    setIsReloaded(true);
    save.clear();
  }

  return (
    <FormModal
      title={t('victimFile.reception.correctTitle')}
      form={form}
      onClose={onClose}
      isSaving={mutation.isPending}
      submitTestId="reception-correct-submit"
      width={900}
      testId="reception-correct-modal"
    >
      <SaveError error={save.error} onReload={() => void reload()} isReloading={fileQuery.isFetching} />
      {isReloaded && <Alert type="info" showIcon title={t('victimFile.stale.reloaded')} style={{ marginBottom: 12 }} />}
      {!canSeeNeeds && <Alert type="info" showIcon title={t('victimFile.reception.needsKept')} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ reception: receptionValues(file) }}>
        <ReceptionFields showNeeds={canSeeNeeds} />
        <ReasonField label={t('victimFile.reception.correctReason')} testId="reception-correct-reason" />
      </Form>
    </FormModal>
  );
}
