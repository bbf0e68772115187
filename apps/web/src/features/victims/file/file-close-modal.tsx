import {
  FILE_CLOSURE_REASON_LABELS,
  FILE_CLOSURE_REASONS,
  fileClosureProblem,
  referralIsActive,
  type FileClosureReason,
  type VictimFileDetail,
} from '@atmis/domain';
import { Alert, App, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/form-modal.tsx';
import { toIsoDate } from '../../../lib/format.ts';
import { useCloseFile } from '../api/victims-api.ts';
import { CodeSelect } from '../../../components/code-select.tsx';
import { formFields, useSaveError } from './file-form-errors.ts';
import { DateInput, SaveError, today } from './form-parts.tsx';

interface Values {
  closedOn?: Dayjs;
  reason?: FileClosureReason;
  note?: string;
}

const isField = formFields(['closedOn', 'reason', 'note']);

/**
 * Closing the file: a date, a listed reason and a note (required for "other"). What would make the
 * server refuse (an active referral, a person still in a facility) is said before sending.
 */
export function FileCloseModal({ file, onClose }: { file: VictimFileDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useCloseFile(file.id);
  const save = useSaveError(form, isField);
  const reason = Form.useWatch('reason', form);
  const blocker = fileClosureProblem({
    status: file.status,
    action: 'close',
    activeReferrals: file.referrals.filter((referral) => referralIsActive(referral.status)).length,
    openStays: (file.stays ?? []).filter((stay) => !stay.dischargedOn).length,
  });

  async function submit(values: Values) {
    save.clear();
    try {
      await mutation.mutateAsync({ closedOn: toIsoDate(values.closedOn) ?? '', reason: values.reason!, note: values.note?.trim() || null });
      message.success(t('victimFile.close.done'));
      onClose();
    } catch (error) {
      save.fail(error);
    }
  }

  return (
    <FormModal
      title={t('victimFile.close.title')}
      form={form}
      onClose={onClose}
      isSaving={mutation.isPending}
      submitTestId="file-close-submit"
      okText={t('victimFile.close.button')}
      isDanger
      width={560}
      testId="file-close-modal"
    >
      <Alert type="info" showIcon title={t('victimFile.close.hint')} style={{ marginBottom: 12 }} />
      {blocker && <Alert type="warning" showIcon title={blocker.message} style={{ marginBottom: 12 }} data-testid="file-close-blocker" />}
      <SaveError error={save.error} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ closedOn: today() }}>
        <Form.Item
          name="closedOn"
          label={t('victimFile.close.closedOn')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('victimFile.close.closedOn').toLowerCase() }) }]}
        >
          <DateInput testId="file-close-date" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('victimFile.close.reason')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('victimFile.close.reason').toLowerCase() }) }]}
        >
          <CodeSelect codes={FILE_CLOSURE_REASONS} labels={FILE_CLOSURE_REASON_LABELS} testId="file-close-reason" />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('victimFile.close.note')}
          rules={[{ required: reason === 'other', whitespace: true, message: t('victimFile.close.noteRequired') }, { max: 2000 }]}
        >
          <Input.TextArea rows={3} data-testid="file-close-note" maxLength={2000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
