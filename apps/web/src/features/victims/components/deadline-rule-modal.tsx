import { DEADLINE_KINDS, type DeadlineKind } from '@atmis/domain';
import { App, Col, Form, Input, Radio, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { NumberField } from '../../../components/number-field.tsx';
import { useUpdateDeadlineRule, type DeadlineSettings } from '../api/victims-api.ts';

type DeadlineRuleView = DeadlineSettings['rules'][number];

interface RuleFormValues {
  days: number;
  kind: DeadlineKind;
  legalReference?: string;
  note?: string;
}

const FIELDS = ['days', 'kind', 'legalReference', 'note'] as const;

/**
 * Changes a legal deadline (days, working or calendar days) for the whole system. The legal
 * reference is required: a deadline nobody can trace to a text is not applied.
 */
export function DeadlineRuleModal({ rule, onClose }: { rule: DeadlineRuleView; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleFormValues>();
  const update = useUpdateDeadlineRule();
  const [failure, setFailure] = useState<unknown>(null);

  async function submit(values: RuleFormValues) {
    setFailure(null);
    try {
      await update.mutateAsync({
        code: rule.code,
        days: values.days,
        kind: values.kind,
        legalReference: values.legalReference?.trim() ?? '',
        note: values.note?.trim() ? values.note.trim() : null,
      });
      void message.success(t('common.saved'));
      onClose();
    } catch (error) {
      if (!applyServerErrors(form, error, FIELDS)) setFailure(error);
    }
  }

  return (
    <FormModal
      title={t('victims.settings.editTitle', { rule: i18n.language === 'en' ? rule.labelEn : rule.label })}
      form={form}
      onClose={onClose}
      isSaving={update.isPending}
      submitTestId="deadline-submit"
    >
      <Typography.Paragraph type="secondary">
        {t('victims.settings.defaultIs', { days: rule.defaultDays, kind: t(`victims.settings.kinds.${rule.defaultKind}`).toLowerCase() })}
      </Typography.Paragraph>
      <ErrorAlert error={failure} testId="deadline-error" />
      <Form<RuleFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="deadline-form"
        initialValues={{ days: rule.days, kind: rule.kind, legalReference: rule.legalReference ?? '', note: rule.note ?? '' }}
      >
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item
              name="days"
              label={t('victims.settings.days')}
              rules={[{ required: true, message: t('common.required', { field: t('victims.settings.days').toLowerCase() }) }]}
            >
              <NumberField min={0} max={365} testId="deadline-days" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item name="kind" label={t('victims.settings.kind')}>
              <Radio.Group>
                {DEADLINE_KINDS.map((kind) => (
                  <Radio key={kind} value={kind} data-testid={`deadline-kind-${kind}`}>
                    {t(`victims.settings.kinds.${kind}`)}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="legalReference"
          label={t('victims.settings.legalReference')}
          extra={t('victims.settings.legalReferenceHelp')}
          rules={[{ required: true, whitespace: true, message: t('victims.settings.legalReferenceRequired') }]}
        >
          <Input maxLength={300} data-testid="deadline-legal-reference" />
        </Form.Item>
        <Form.Item name="note" label={t('victims.settings.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} data-testid="deadline-note" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
