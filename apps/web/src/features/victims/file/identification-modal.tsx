import {
  EVIDENCE_SOURCE_LABELS,
  EVIDENCE_SOURCE_LEGAL_REFERENCE,
  EVIDENCE_SOURCES,
  IDENTIFICATION_INDICATOR_LABELS,
  IDENTIFICATION_INDICATORS,
  IDENTIFICATION_TRANSITION_LABELS,
  type EvidenceSource,
  type IdentificationIndicator,
  type IdentificationTransition,
} from '@atmis/domain';
import { App, Checkbox, Col, Form, Input, Row, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/form-modal.tsx';
import { toIsoDate } from '../../../lib/format.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';
import { useIdentify } from '../api/victims-api.ts';
import { formFields, useSaveError } from './file-form-errors.ts';
import { DateInput, SaveError, today } from './form-parts.tsx';
import type { Person } from './person-cells.tsx';

interface Values {
  indicators?: IdentificationIndicator[];
  decidingAgency?: string;
  decisionNumber?: string;
  decisionDate?: Dayjs;
  evidenceSources?: EvidenceSource[];
  legalBasis?: string;
  reason?: string;
}

const isField = formFields(['indicators', 'decidingAgency', 'decisionNumber', 'decisionDate', 'evidenceSources', 'legalBasis', 'reason']);

function IndicatorsField() {
  const { t } = useTranslation();
  return (
    <Form.Item name="indicators" label={t('victimFile.identification.indicators')} extra={t('victimFile.identification.indicatorsHint')}>
      <Checkbox.Group style={{ width: '100%' }}>
        <Row gutter={[8, 4]}>
          {IDENTIFICATION_INDICATORS.map((indicator) => (
            <Col key={indicator} xs={24} md={12}>
              <Checkbox value={indicator} data-testid={`indicator-${indicator}`}>
                {pickLabel(IDENTIFICATION_INDICATOR_LABELS[indicator])}
              </Checkbox>
            </Col>
          ))}
        </Row>
      </Checkbox.Group>
    </Form.Item>
  );
}

/** The decision's formal particulars (Điều 32 Luật PCMBN 2024): who decided, number, date, bases, legal basis. */
function DecisionFields({ isVictim }: { isVictim: boolean }) {
  const { t } = useTranslation();
  const required = (label: string) => ({ required: true, whitespace: true, message: t('common.required', { field: label.toLowerCase() }) });
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="decidingAgency"
            label={t('victimFile.identification.decidingAgency')}
            rules={[required(t('victimFile.identification.decidingAgency')), { max: 200 }]}
          >
            <Input maxLength={200} data-testid="identification-deciding-agency" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            name="decisionNumber"
            label={t('victimFile.identification.decisionNumber')}
            rules={[required(t('victimFile.identification.decisionNumber')), { max: 50 }]}
          >
            <Input
              maxLength={50}
              placeholder={t('victimFile.identification.decisionNumberPlaceholder')}
              data-testid="identification-decision-number"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            name="decisionDate"
            label={t('victimFile.identification.decisionDate')}
            rules={[
              { required: true, message: t('common.requiredSelect', { field: t('victimFile.identification.decisionDate').toLowerCase() }) },
            ]}
          >
            <DateInput testId="identification-decision-date" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="evidenceSources"
        label={t('victimFile.identification.evidence')}
        extra={EVIDENCE_SOURCE_LEGAL_REFERENCE}
        rules={isVictim ? [{ required: true, type: 'array', min: 1, message: t('victimFile.identification.evidenceRequired') }] : []}
      >
        <Checkbox.Group style={{ width: '100%' }}>
          <Space orientation="vertical" size={2}>
            {EVIDENCE_SOURCES.map((source) => (
              <Checkbox key={source} value={source} data-testid={`evidence-${source}`}>
                <Typography.Text type="secondary">{EVIDENCE_SOURCE_LABELS[source].point}) </Typography.Text>
                {pickLabel(EVIDENCE_SOURCE_LABELS[source])}
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      </Form.Item>
      <Form.Item
        name="legalBasis"
        label={t('victimFile.identification.legalBasis')}
        rules={[required(t('victimFile.identification.legalBasis')), { max: 2000 }]}
      >
        <Input.TextArea rows={2} maxLength={2000} data-testid="identification-legal-basis" />
      </Form.Item>
    </>
  );
}

/**
 * One step of verification and identification for one person. The fields follow the transition:
 * indicators to start verifying; the decision's particulars (and the evidence for a victim) to
 * decide; a reason to revise. The server applies the same state machine and answers in Vietnamese.
 */
export function IdentificationModal({
  person,
  transition,
  onClose,
}: {
  person: Person;
  transition: IdentificationTransition;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useIdentify();
  const save = useSaveError(form, isField);
  const isDecision = transition === 'decide_victim' || transition === 'decide_not_victim';
  const action = pickLabel(IDENTIFICATION_TRANSITION_LABELS[transition]);

  async function submit(values: Values) {
    save.clear();
    const body = isDecision
      ? {
          decidingAgency: values.decidingAgency ?? '',
          decisionNumber: values.decisionNumber ?? '',
          decisionDate: toIsoDate(values.decisionDate) ?? '',
          evidenceSources: values.evidenceSources ?? [],
          legalBasis: values.legalBasis ?? '',
          indicators: values.indicators ?? [],
        }
      : transition === 'revise'
        ? { reason: values.reason ?? '' }
        : { indicators: values.indicators ?? [] };
    try {
      await mutation.mutateAsync({ personId: person.id, transition, ...body });
      message.success(t('victimFile.identification.done'));
      onClose();
    } catch (error) {
      save.fail(error);
    }
  }

  return (
    <FormModal
      title={t('victimFile.identification.modalTitle', { action, name: person.maskedName })}
      form={form}
      onClose={onClose}
      isSaving={mutation.isPending}
      submitTestId="identification-submit"
      okText={action}
      width={isDecision || transition === 'start_verification' ? 860 : 560}
      testId="identification-modal"
    >
      <SaveError error={save.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ indicators: [], evidenceSources: [], decisionDate: today(), legalBasis: EVIDENCE_SOURCE_LEGAL_REFERENCE }}
      >
        {isDecision && <DecisionFields isVictim={transition === 'decide_victim'} />}
        {transition === 'revise' && (
          <Form.Item
            name="reason"
            label={t('victimFile.identification.reason')}
            rules={[{ required: true, whitespace: true, message: t('common.reasonRequired') }, { max: 2000 }]}
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="identification-reason" />
          </Form.Item>
        )}
        {transition !== 'revise' && <IndicatorsField />}
      </Form>
    </FormModal>
  );
}
