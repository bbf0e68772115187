import { FOLLOW_UP_SITUATION_LABELS, FOLLOW_UP_SITUATIONS, type FollowUpSituation, type VictimFileDetail } from '@atmis/domain';
import { App, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useOptionalMe } from '../../../app/auth/use-me.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { pickLabel } from '../../../lib/i18n/index.ts';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { DATE_FORMAT, toIsoDate } from '../../../lib/format.ts';
import { useAddFollowUp } from '../api/victims-api.ts';
import { PersonSelect } from './person-select.tsx';
import { foldedSearch, isAfterToday, textOrNull } from './support-form-kit.ts';

interface FormValues {
  personId?: string | null;
  visitedOn?: Dayjs;
  visitedBy?: string;
  situation?: FollowUpSituation;
  notes?: string;
  nextVisitOn?: Dayjs | null;
}

const FIELDS = ['personId', 'visitedOn', 'visitedBy', 'situation', 'notes', 'nextVisitOn'];

/** Records a follow-up visit of one person or of the whole family, and when to visit next. */
export function FollowUpAddModal({ file, onClose }: { file: VictimFileDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useOptionalMe();
  const [form] = Form.useForm<FormValues>();
  const mutation = useAddFollowUp(file.id);
  const visitedOn = Form.useWatch('visitedOn', form);

  async function submit(values: FormValues) {
    try {
      await mutation.mutateAsync({
        personId: values.personId ?? null,
        visitedOn: toIsoDate(values.visitedOn) ?? '',
        visitedBy: textOrNull(values.visitedBy),
        situation: values.situation!,
        notes: textOrNull(values.notes),
        nextVisitOn: toIsoDate(values.nextVisitOn) ?? null,
      });
      void message.success(t('victimCare.followUp.recorded'));
      onClose();
    } catch (error) {
      applyServerErrors(form, error, FIELDS);
    }
  }

  return (
    <FormModal
      title={t('victimCare.followUp.addTitle')}
      form={form}
      onClose={onClose}
      isSaving={mutation.isPending}
      submitTestId="follow-up-submit"
      width={640}
    >
      <ErrorAlert error={mutation.error} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ visitedOn: dayjs(), visitedBy: me?.user.fullName ?? '' }}
      >
        <Form.Item name="personId" label={t('victimCare.followUp.personOptional')}>
          <PersonSelect persons={file.persons} allowClear placeholder={t('victimCare.followUp.wholeFamily')} testId="follow-up-person" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            <Form.Item
              name="visitedOn"
              label={t('victimCare.followUp.visitedOn')}
              rules={[{ required: true, message: t('victimCare.common.dateRequired') }]}
            >
              <DatePicker
                format={DATE_FORMAT}
                placeholder={t('common.dateFormatHint')}
                disabledDate={isAfterToday}
                data-testid="follow-up-visited-on"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item name="visitedBy" label={t('victimCare.followUp.visitedBy')} rules={[{ max: 200 }]}>
              <Input data-testid="follow-up-visited-by" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="situation"
          label={t('victimCare.followUp.situation')}
          rules={[{ required: true, message: t('victimCare.followUp.situationRequired') }]}
        >
          <Select
            data-testid="follow-up-situation"
            options={FOLLOW_UP_SITUATIONS.map((value) => ({ value, label: pickLabel(FOLLOW_UP_SITUATION_LABELS[value]) }))}
            showSearch={foldedSearch}
          />
        </Form.Item>
        <Form.Item name="notes" label={t('victimCare.common.notes')} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={3} data-testid="follow-up-notes" />
        </Form.Item>
        <Form.Item
          name="nextVisitOn"
          label={t('victimCare.followUp.nextVisitOn')}
          dependencies={['visitedOn']}
          rules={[
            {
              validator: (_, value: Dayjs | null | undefined) =>
                value && visitedOn && !value.isAfter(visitedOn, 'day')
                  ? Promise.reject(new Error(t('victimCare.followUp.nextAfterVisit')))
                  : Promise.resolve(),
            },
          ]}
        >
          <DatePicker
            format={DATE_FORMAT}
            placeholder={t('common.dateFormatHint')}
            disabledDate={(day) => Boolean(visitedOn && !day.isAfter(visitedOn, 'day'))}
            data-testid="follow-up-next-visit"
            style={{ width: 200 }}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
