import { type VictimFileDetail } from '@atmis/domain';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldNamePath } from '../../../lib/form-errors.ts';
import { useCorrectPerson, useVictimFile, type RevealResult } from '../api/victims-api.ts';
import { fromPersonInput, PersonFields, toPersonInput, type PersonFormValues, type PersonSource } from '../components/person-fields.tsx';
import { isReceptionField, receptionFieldFor } from '../components/reception-values.ts';
import { formFields, useSaveError } from './file-form-errors.ts';
import { ReasonField, SaveError } from './form-parts.tsx';
import type { Person } from './person-cells.tsx';
import { PERSON_REVEAL_FIELDS } from './reveal-modal.tsx';
import { useAuditedReveal } from './use-audited-reveal.ts';

interface Values {
  person?: PersonFormValues;
  relationship?: string;
  reason?: string;
}

const isOwnField = formFields(['reason', 'relationship']);
const isField = (name: FieldNamePath) => isOwnField(name) || isReceptionField(name);

/** The whole person as the correction sends it: the masked view's plain facts plus the revealed identity. */
function personSource(person: Person, revealed: RevealResult['persons'][number] | undefined): PersonSource {
  return {
    ...revealed,
    sex: person.sex,
    // The masked view carries the year of birth (from the date when there is one): both agree.
    birthYear: person.birthYear,
    estimatedAge: person.estimatedAge,
    ageEstimatedOn: person.ageEstimatedOn,
    ageUncertain: person.ageUncertain,
    ethnicity: person.ethnicity,
    citizenship: person.citizenship,
    homeOrgUnitId: person.homeOrgUnitId,
    language: person.language,
    guardian: revealed?.guardian ? { ...revealed.guardian, phone: revealed.guardian.phone ?? null } : null,
  };
}

/**
 * Correcting a person's identity. First the reason (it serves both the audited reveal that fills
 * the form and the correction itself), then the whole person, prefilled, sent with the file's
 * `version`: a stale one is refused (409) and the officer reloads.
 */
export function PersonCorrectModal({ file, person, onClose }: { file: VictimFileDetail; person: Person; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const fileQuery = useVictimFile(file.id);
  const { reveal, isPending: isRevealing } = useAuditedReveal(file.id);
  const mutation = useCorrectPerson();
  const save = useSaveError(form, isField, receptionFieldFor);
  const [isLoaded, setIsLoaded] = useState(false);
  const [version, setVersion] = useState(file.version);
  const isCompanion = person.relatedPersonId !== null;

  async function load(reason: string, current: Person) {
    save.clear();
    try {
      const result = await reveal({ reason, fields: [...PERSON_REVEAL_FIELDS], personIds: [current.id] });
      form.setFieldsValue({
        person: fromPersonInput(
          personSource(
            current,
            result.persons.find((candidate) => candidate.id === current.id),
          ),
        ),
        relationship: current.relationship ?? undefined,
      });
      setIsLoaded(true);
    } catch (error) {
      save.fail(error);
    }
  }

  async function reload() {
    const result = await fileQuery.refetch();
    const fresh = result.data?.persons.find((candidate) => candidate.id === person.id);
    if (!result.data || !fresh) return;
    setVersion(result.data.version);
    await load(form.getFieldValue('reason') as string, fresh);
  }

  async function submit(values: Values) {
    if (!isLoaded) return load(values.reason ?? '', person);
    save.clear();
    const payload = toPersonInput(values.person);
    try {
      await mutation.mutateAsync({
        personId: person.id,
        person: payload as unknown as Record<string, unknown>,
        ...(isCompanion ? { relationship: values.relationship?.trim() || null } : {}),
        reason: values.reason ?? '',
        version,
      });
      message.success(t('victimFile.personCorrect.done'));
      onClose();
    } catch (error) {
      save.fail(error);
    }
  }

  return (
    <Modal
      open
      title={t('victimFile.personCorrect.title', { name: person.maskedName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={isLoaded ? t('victimFile.personCorrect.submit') : t('victimFile.personCorrect.next')}
      cancelText={t('common.cancel')}
      confirmLoading={isRevealing || mutation.isPending}
      okButtonProps={{ 'data-testid': isLoaded ? 'person-correct-submit' : 'person-correct-next' }}
      width={isLoaded ? 960 : 560}
      destroyOnHidden
    >
      <div data-testid="person-correct-modal">
        <Alert type="warning" showIcon title={t('victimFile.personCorrect.intro')} style={{ marginBottom: 12 }} />
        <SaveError error={save.error} onReload={() => void reload()} isReloading={fileQuery.isFetching || isRevealing} />
        <Form<Values> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          <ReasonField label={t('victimFile.reception.correctReason')} testId="person-correct-reason" extra="" />
          {isLoaded && (
            <>
              {isCompanion && (
                <Form.Item name="relationship" label={t('victimFile.personCorrect.relationship')} rules={[{ max: 60 }]}>
                  <Input maxLength={60} data-testid="person-correct-relationship" />
                </Form.Item>
              )}
              <PersonFields
                prefix={['person']}
                testIdPrefix="person"
                receivedOn={file.reception?.receivedOn}
                homeUnitOptions={
                  person.homeOrgUnitId ? [{ value: person.homeOrgUnitId, label: person.homeOrgUnitName ?? person.homeOrgUnitId }] : []
                }
              />
            </>
          )}
        </Form>
      </div>
    </Modal>
  );
}
