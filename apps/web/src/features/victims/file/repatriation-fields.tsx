import { REPATRIATION_STATUS_LABELS, repatriationProblems, type RepatriationStatus } from '@atmis/domain';
import { Col, DatePicker, Form, Input, Row, Select, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, toIsoDate } from '../../../lib/format.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';
import { textOrNull } from './support-form-kit.ts';

/** The fields a repatriation record and its update share. */
export interface RepatriationFieldValues {
  mission?: string;
  missionContactedOn?: Dayjs | null;
  handoverOn?: Dayjs | null;
  handoverPlace?: string;
  status: RepatriationStatus;
  notes?: string;
}

export const REPATRIATION_FIELDS = ['mission', 'missionContactedOn', 'handoverOn', 'handoverPlace', 'status', 'notes'];

/** The shared fields as the API takes them. */
export function repatriationBodyOf(values: RepatriationFieldValues) {
  return {
    mission: textOrNull(values.mission),
    missionContactedOn: toIsoDate(values.missionContactedOn) ?? null,
    handoverOn: toIsoDate(values.handoverOn) ?? null,
    handoverPlace: textOrNull(values.handoverPlace),
    status: values.status,
    notes: textOrNull(values.notes),
  };
}

/**
 * Checks the domain's rules (mission contacted before the handover, a handover names its date and
 * place) before sending, and puts each problem under its field. True when the record may be sent.
 */
export function checkRepatriation(form: FormInstance, values: RepatriationFieldValues, citizenship: string): boolean {
  const body = repatriationBodyOf(values);
  const problems = repatriationProblems({ citizenship, ...body });
  const fields = Object.entries(problems).map(([name, message]) => ({ name, errors: [message] }));
  form.setFields(fields);
  return fields.length === 0;
}

/** Mission, dates, place, status and notes of a repatriation; `statuses` are the moves allowed. */
export function RepatriationFields({ statuses }: { statuses: readonly RepatriationStatus[] }) {
  const { t } = useTranslation();
  const date = (name: 'missionContactedOn' | 'handoverOn', testId: string) => (
    <Form.Item name={name} label={t(`victimCare.repatriation.${name}`)}>
      <DatePicker format={DATE_FORMAT} placeholder={t('common.dateFormatHint')} data-testid={testId} style={{ width: '100%' }} />
    </Form.Item>
  );
  return (
    <>
      <Form.Item name="status" label={t('victimCare.common.status')}>
        <Select
          data-testid="repatriation-status"
          options={statuses.map((value) => ({ value, label: pickLabel(REPATRIATION_STATUS_LABELS[value]) }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={14}>
          <Form.Item name="mission" label={t('victimCare.repatriation.mission')} rules={[{ max: 300 }]}>
            <Input data-testid="repatriation-mission" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          {date('missionContactedOn', 'repatriation-mission-contacted-on')}
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={10}>
          {date('handoverOn', 'repatriation-handover-on')}
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item name="handoverPlace" label={t('victimCare.repatriation.handoverPlace')} rules={[{ max: 300 }]}>
            <Input data-testid="repatriation-handover-place" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="notes" label={t('victimCare.common.notes')} rules={[{ max: 4000 }]}>
        <Input.TextArea rows={2} data-testid="repatriation-notes" />
      </Form.Item>
    </>
  );
}
