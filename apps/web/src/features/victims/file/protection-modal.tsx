import { PROTECTION_MEASURE_LABELS, PROTECTION_MEASURES, type ProtectionMeasure, type VictimFileDetail } from '@atmis/domain';
import { App, Checkbox, Col, Form, Input, Radio, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/form-modal.tsx';
import { toIsoDate } from '../../../lib/format.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';
import { useAddProtectionAssessment } from '../api/victims-api.ts';
import { formFields, useSaveError } from './file-form-errors.ts';
import { DateInput, SaveError, today } from './form-parts.tsx';

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export const RISK_COLORS = { low: 'green', medium: 'orange', high: 'red' } as const;

interface Values {
  assessedOn?: Dayjs;
  riskLevel?: (typeof RISK_LEVELS)[number];
  measures?: ProtectionMeasure[];
  summary?: string;
  details?: string;
}

const isField = formFields(['assessedOn', 'riskLevel', 'measures', 'summary', 'details']);

/**
 * A risk assessment with its protection measures. The summary is what a referral receiver may
 * read; the details (where the person stays, who guards them) never leave the managing unit.
 */
export function ProtectionModal({ file, onClose }: { file: VictimFileDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useAddProtectionAssessment(file.id);
  const save = useSaveError(form, isField);

  async function submit(values: Values) {
    save.clear();
    try {
      await mutation.mutateAsync({
        assessedOn: toIsoDate(values.assessedOn) ?? '',
        riskLevel: values.riskLevel!,
        measures: values.measures ?? [],
        summary: values.summary?.trim() || null,
        details: values.details?.trim() || null,
      });
      message.success(t('victimFile.protection.saved'));
      onClose();
    } catch (error) {
      save.fail(error);
    }
  }

  return (
    <FormModal
      title={t('victimFile.protection.addTitle')}
      form={form}
      onClose={onClose}
      isSaving={mutation.isPending}
      submitTestId="protection-submit"
      width={760}
      testId="protection-modal"
    >
      <SaveError error={save.error} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ assessedOn: today(), measures: [] }}>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item
              name="assessedOn"
              label={t('victimFile.protection.assessedOn')}
              rules={[
                { required: true, message: t('common.requiredSelect', { field: t('victimFile.protection.assessedOn').toLowerCase() }) },
              ]}
            >
              <DateInput testId="protection-assessed-on" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item
              name="riskLevel"
              label={t('victimFile.protection.riskLevel')}
              rules={[
                { required: true, message: t('common.requiredSelect', { field: t('victimFile.protection.riskLevel').toLowerCase() }) },
              ]}
            >
              <Radio.Group>
                {RISK_LEVELS.map((level) => (
                  <Radio key={level} value={level} data-testid={`protection-risk-${level}`}>
                    {t(`victimFile.protection.risk.${level}`)}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="measures" label={t('victimFile.protection.measures')}>
          <Checkbox.Group style={{ width: '100%' }}>
            <Row gutter={[8, 4]}>
              {PROTECTION_MEASURES.map((measure) => (
                <Col key={measure} xs={24} md={12}>
                  <Checkbox value={measure} data-testid={`protection-measure-${measure}`}>
                    {pickLabel(PROTECTION_MEASURE_LABELS[measure])}
                  </Checkbox>
                </Col>
              ))}
            </Row>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item
          name="summary"
          label={t('victimFile.protection.summary')}
          extra={t('victimFile.protection.summaryHint')}
          rules={[{ max: 1000 }]}
        >
          <Input.TextArea rows={2} maxLength={1000} showCount data-testid="protection-summary" />
        </Form.Item>
        <Form.Item
          name="details"
          label={t('victimFile.protection.details')}
          extra={t('victimFile.protection.detailsHint')}
          rules={[{ max: 4000 }]}
        >
          <Input.TextArea rows={3} maxLength={4000} showCount data-testid="protection-details" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
