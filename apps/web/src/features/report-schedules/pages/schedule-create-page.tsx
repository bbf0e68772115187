import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import {
  DEFAULT_DUE_RULE,
  DEFAULT_TEMPLATE_CODE,
  dueDateFor,
  parsePeriodId,
  PERIOD_TYPES,
  type DueRule,
  type PeriodType,
  type PeriodWindow,
  type ScheduleProposal,
} from '@atmis/domain';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { App, Button, Card, Col, Form, Input, Radio, Row, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PermissionGate } from '../../../app/auth/permission-gate.tsx';
import { useMe } from '../../../app/auth/use-me.ts';
import { useWorkingUnit } from '../../../app/auth/working-unit.tsx';
import { AgencySelect } from '../../../components/agency-select.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { OrgUnitSelect } from '../../../components/org-unit-select.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import {
  checkPeriodId,
  convertPeriodId,
  currentPeriodId,
  PeriodPicker,
  type RegularPeriodType,
} from '../../../components/period-picker.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { useReportTemplates } from '../../report-templates/index.ts';
import { reportPaths } from '../api/report-paths.ts';
import { useCreateSchedule, type CreateReportScheduleInput } from '../api/report-schedules-api.ts';
import { AppLinkButton } from '../../../components/app-link.tsx';
import { DueRuleInput, dueRuleProblem } from '../components/due-rule-input.tsx';
import { ProposalPicker } from '../components/proposal-picker.tsx';
import { ReportersField } from '../components/reporters-field.tsx';

type Kind = CreateReportScheduleInput['kind'] & string;

interface ScheduleFormValues {
  name: string;
  kind: Kind;
  templateId?: string;
  periodType: PeriodType;
  window: PeriodWindow;
  firstPeriodId: string;
  dueRule: DueRule;
  orgUnitId?: string;
  recipientAgencyId?: string | null;
  reporterAgencyIds: string[];
  instructions?: string;
}

/** Form fields that the server's `errors[].path` may name. */
const SCHEDULE_FIELDS = [
  'name',
  'kind',
  'templateId',
  'periodType',
  'window',
  'firstPeriodId',
  'dueRule',
  'orgUnitId',
  'recipientAgencyId',
  'reporterAgencyIds',
  'instructions',
] as const;

const DEFAULT_PERIOD_TYPE: RegularPeriodType = 'half';
const REGULAR_TYPES = PERIOD_TYPES.filter((type): type is RegularPeriodType => type !== 'ad_hoc');

/** The plan a schedule is made from: `?planId=` (validated by the route as `{ planId?: string }`). */
function usePlanIdSearch(): string | undefined {
  const search = useSearch({ strict: false }) as { planId?: unknown };
  return typeof search.planId === 'string' && search.planId ? search.planId : undefined;
}

/**
 * "Tạo lịch báo cáo": a periodic schedule or an ad hoc request. Defaults: 6-monthly, Decree 09
 * windows, the current period, 3 working days after the window closes, the person's working unit
 * and agency as recipient. With `?planId=` the plan's reporting regime proposes schedules to start from.
 */
function ScheduleCreate() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const { workingUnit, options: unitOptions } = useWorkingUnit();
  const planId = usePlanIdSearch();
  const [form] = Form.useForm<ScheduleFormValues>();
  const mutation = useCreateSchedule();
  const templates = useReportTemplates();
  const [proposalIndex, setProposalIndex] = useState<number | null>(null);
  const [isNameTouched, setNameTouched] = useState(false);

  const kind = Form.useWatch('kind', form) ?? 'periodic';
  const periodType = Form.useWatch('periodType', form) ?? DEFAULT_PERIOD_TYPE;
  const window = Form.useWatch('window', form) ?? 'decree09';
  const firstPeriodId = Form.useWatch('firstPeriodId', form);
  const orgUnitId = Form.useWatch('orgUnitId', form);
  const templateId = Form.useWatch('templateId', form);
  const parsedFirst = firstPeriodId ? parsePeriodId(firstPeriodId, window) : null;
  const firstPeriod = parsedFirst?.ok ? parsedFirst.period : null;

  const activeTemplates = (templates.data ?? []).filter((template) => template.status === 'active');
  const unitKnownOptions = [
    ...unitOptions.map((option) => ({ value: option.orgUnitId, label: option.orgUnitName })),
    { value: me.user.orgUnitId, label: me.user.orgUnitName },
  ];
  const initialUnit = workingUnit?.orgUnitId ?? me.user.orgUnitId;
  const initialValues: Partial<ScheduleFormValues> = {
    kind: 'periodic',
    periodType: DEFAULT_PERIOD_TYPE,
    window: 'decree09',
    firstPeriodId: currentPeriodId(DEFAULT_PERIOD_TYPE, 'decree09'),
    dueRule: DEFAULT_DUE_RULE,
    orgUnitId: initialUnit,
    recipientAgencyId: me.user.agencyId,
    reporterAgencyIds: [],
  };

  // The default template: the programme report, else the first active template.
  useEffect(() => {
    if (form.getFieldValue('templateId') || activeTemplates.length === 0) return;
    const preferred = activeTemplates.find((template) => template.code === DEFAULT_TEMPLATE_CODE) ?? activeTemplates[0];
    form.setFieldValue('templateId', preferred?.id);
  }, [activeTemplates, form]);

  // A name suggested from the template and the frequency until the person types one.
  const templateName = activeTemplates.find((template) => template.id === templateId)?.name;
  useEffect(() => {
    if (isNameTouched || proposalIndex !== null || !templateName) return;
    form.setFieldValue(
      'name',
      t('reportSetup.schedules.suggestedName', { template: templateName, frequency: t(`reportSetup.frequency.${periodType}`) }),
    );
  }, [isNameTouched, proposalIndex, templateName, periodType, form, t]);

  function pickProposal(proposal: ScheduleProposal) {
    setProposalIndex(proposal.index);
    form.setFieldsValue({
      name: proposal.name,
      kind: proposal.kind,
      periodType: proposal.periodType,
      firstPeriodId: proposal.firstPeriodId,
      orgUnitId: proposal.orgUnitId,
      ...(proposal.recipientAgencyId ? { recipientAgencyId: proposal.recipientAgencyId } : {}),
    });
    // Objects and lists are replaced, not merged into the previous values.
    form.setFieldValue('dueRule', proposal.dueRule);
    form.setFieldValue('reporterAgencyIds', proposal.reporterAgencyIds);
    void message.info(t('reportSetup.proposals.applied'));
  }

  function onValuesChange(changed: Partial<ScheduleFormValues>) {
    if ('name' in changed) setNameTouched(true);
    // A new period type keeps the person near the period they had chosen (2026Q2 → 2026S1).
    if (changed.periodType && changed.periodType !== 'ad_hoc') {
      const current = form.getFieldValue('firstPeriodId') as string | undefined;
      const nextWindow = form.getFieldValue('window') as PeriodWindow;
      form.setFieldValue(
        'firstPeriodId',
        (current && convertPeriodId(current, changed.periodType, nextWindow)) || currentPeriodId(changed.periodType, nextWindow),
      );
    }
    if (changed.kind === 'ad_hoc') {
      form.setFieldsValue({ periodType: 'ad_hoc', firstPeriodId: '' });
      form.setFieldValue('dueRule', { kind: 'fixed', date: '' });
    }
    if (changed.kind === 'periodic') {
      form.setFieldsValue({ periodType: DEFAULT_PERIOD_TYPE, firstPeriodId: currentPeriodId(DEFAULT_PERIOD_TYPE, window) });
      form.setFieldValue('dueRule', DEFAULT_DUE_RULE);
    }
    // An ad hoc request is due a few working days after its range, until a date is chosen.
    if (changed.firstPeriodId && form.getFieldValue('kind') === 'ad_hoc') {
      const rule = form.getFieldValue('dueRule') as DueRule | undefined;
      const parsed = parsePeriodId(changed.firstPeriodId);
      if (parsed.ok && (!rule || (rule.kind === 'fixed' && !rule.date)))
        form.setFieldValue('dueRule', { kind: 'fixed', date: dueDateFor(DEFAULT_DUE_RULE, parsed.period) });
    }
    // Reporters and recipient belong to the unit: a new unit starts them over.
    if (changed.orgUnitId !== undefined) {
      form.setFieldValue('reporterAgencyIds', []);
      form.setFieldValue('recipientAgencyId', null);
    }
  }

  async function submit(values: ScheduleFormValues) {
    const isAdHoc = values.kind === 'ad_hoc';
    try {
      const schedule = await mutation.mutateAsync({
        name: values.name,
        kind: values.kind,
        templateId: values.templateId ?? '',
        periodType: isAdHoc ? 'ad_hoc' : values.periodType,
        window: isAdHoc ? 'decree09' : (values.window ?? 'decree09'),
        dueRule: values.dueRule,
        firstPeriodId: values.firstPeriodId,
        orgUnitId: values.orgUnitId ?? '',
        recipientAgencyId: values.recipientAgencyId ?? '',
        reporterAgencyIds: values.reporterAgencyIds,
        instructions: values.instructions?.trim() ? values.instructions : null,
        planId: planId ?? null,
        planReportingIndex: planId ? proposalIndex : null,
      });
      message.success(t('reportSetup.schedules.created'));
      await navigate({ to: reportPaths.schedule(schedule.id) });
    } catch (error) {
      applyServerErrors(form, error, SCHEDULE_FIELDS);
    }
  }

  const required = (field: string) => ({ required: true, message: t('common.requiredSelect', { field: field.toLowerCase() }) });

  return (
    <>
      <PageHeader
        title={t('reportSetup.schedules.createTitle')}
        testId="schedule-create-title"
        extra={
          <AppLinkButton to={reportPaths.schedules()} icon={<ArrowLeftOutlined />} testId="schedule-back">
            {t('common.back')}
          </AppLinkButton>
        }
      />
      {planId && <ProposalPicker planId={planId} selectedIndex={proposalIndex} onPick={pickProposal} />}
      <Card>
        <ErrorAlert error={mutation.error} />
        <Form<ScheduleFormValues>
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onValuesChange={onValuesChange}
          onFinish={submit}
          data-testid="schedule-form"
          scrollToFirstError
        >
          <Row gutter={16}>
            <Col xs={24} lg={16}>
              <Form.Item
                name="name"
                label={t('reportSetup.schedules.name')}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t('common.required', { field: t('reportSetup.schedules.name').toLowerCase() }),
                  },
                  { max: 300 },
                ]}
              >
                <Input maxLength={300} data-testid="schedule-name" />
              </Form.Item>
            </Col>
            <Col xs={24} lg={8}>
              <Form.Item name="kind" label={t('reportSetup.schedules.kind')}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  data-testid="schedule-kind"
                  options={(['periodic', 'ad_hoc'] as const).map((value) => ({
                    value,
                    label: <span data-testid={`schedule-kind-${value}`}>{t(`reportSetup.kinds.${value}`)}</span>,
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="templateId" label={t('reportSetup.schedules.template')} rules={[required(t('reportSetup.schedules.template'))]}>
            <Select<string>
              loading={templates.isLoading}
              placeholder={t('reportSetup.schedules.templatePlaceholder')}
              options={activeTemplates.map((template) => ({
                value: template.id,
                label: `${template.name} (${t('reportSetup.templates.versionN', { version: template.version })})`,
              }))}
              notFoundContent={templates.error ? t('common.error') : t('reportSetup.templates.empty')}
              data-testid="schedule-template"
            />
          </Form.Item>
          {templates.error && (
            <ErrorAlert error={templates.error} onRetry={() => void templates.refetch()} testId="schedule-templates-error" />
          )}
          <Row gutter={16}>
            {kind === 'periodic' && (
              <Col xs={24} md={8}>
                <Form.Item
                  name="periodType"
                  label={t('reportSetup.schedules.periodType')}
                  rules={[required(t('reportSetup.schedules.periodType'))]}
                >
                  <Select<PeriodType>
                    options={REGULAR_TYPES.map((type) => ({ value: type, label: t(`reportSetup.frequencyLabel.${type}`) }))}
                    data-testid="schedule-period-type"
                  />
                </Form.Item>
              </Col>
            )}
            {kind === 'periodic' && (
              <Col xs={24} md={16}>
                <Form.Item name="window" label={t('reportSetup.schedules.window')} tooltip={t('reportSetup.windows.help')}>
                  <Radio.Group data-testid="schedule-window">
                    <Radio value="decree09" data-testid="schedule-window-decree09">
                      {t('reportSetup.windows.decree09')}
                    </Radio>
                    <Radio value="calendar" data-testid="schedule-window-calendar">
                      {t('reportSetup.windows.calendar')}
                    </Radio>
                  </Radio.Group>
                </Form.Item>
              </Col>
            )}
          </Row>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Form.Item
                name="firstPeriodId"
                label={kind === 'ad_hoc' ? t('reportSetup.schedules.adHocPeriod') : t('reportSetup.schedules.firstPeriod')}
                tooltip={kind === 'ad_hoc' ? undefined : t('reportSetup.schedules.firstPeriodHelp')}
                rules={[
                  {
                    validator: (_, value: string | undefined) => {
                      if (!value) return Promise.reject(new Error(t('reportSetup.schedules.periodRequired')));
                      const check = checkPeriodId(value, window, language);
                      if (!check.ok) return Promise.reject(new Error(check.message));
                      const expected = kind === 'ad_hoc' ? 'ad_hoc' : periodType;
                      return check.period.type === expected
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('reportSetup.schedules.periodTypeMismatch')));
                    },
                  },
                ]}
              >
                <PeriodPicker
                  periodType={kind === 'ad_hoc' ? 'ad_hoc' : periodType}
                  window={window}
                  allowAdHoc={kind === 'ad_hoc'}
                  testId="schedule-first-period"
                />
              </Form.Item>
            </Col>
            <Col xs={24} lg={12}>
              <Form.Item
                name="dueRule"
                label={t('reportSetup.schedules.dueRule')}
                rules={[
                  {
                    validator: (_, value: DueRule | undefined) => {
                      const problem = dueRuleProblem(value, t);
                      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                    },
                  },
                ]}
              >
                <DueRuleInput period={firstPeriod} onlyFixed={kind === 'ad_hoc'} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Form.Item
                name="orgUnitId"
                label={t('reportSetup.schedules.orgUnit')}
                tooltip={t('reportSetup.schedules.orgUnitHelp')}
                rules={[required(t('reportSetup.schedules.orgUnit'))]}
              >
                <OrgUnitSelect knownOptions={unitKnownOptions} testId="schedule-org-unit" />
              </Form.Item>
            </Col>
            <Col xs={24} lg={12}>
              <Form.Item
                name="recipientAgencyId"
                label={t('reportSetup.schedules.recipient')}
                tooltip={t('reportSetup.schedules.recipientHelp')}
                rules={[required(t('reportSetup.schedules.recipient'))]}
              >
                <AgencySelect
                  orgUnitId={orgUnitId}
                  knownOptions={me.user.agencyId && me.user.agencyName ? [{ value: me.user.agencyId, label: me.user.agencyName }] : []}
                  testId="schedule-recipient"
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="reporterAgencyIds"
            label={t('reportSetup.schedules.reporters')}
            tooltip={t('reportSetup.schedules.reportersHelp')}
            rules={[{ type: 'array', min: 1, required: true, message: t('reportSetup.schedules.reportersRequired') }]}
          >
            <ReportersField orgUnitId={orgUnitId} />
          </Form.Item>
          <Form.Item name="instructions" label={t('reportSetup.schedules.instructions')} rules={[{ max: 4000 }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} showCount data-testid="schedule-instructions" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={mutation.isPending} data-testid="schedule-submit">
              {t('reportSetup.schedules.submit')}
            </Button>
            <AppLinkButton to={reportPaths.schedules()} testId="schedule-cancel">
              {t('common.cancel')}
            </AppLinkButton>
          </Space>
        </Form>
      </Card>
    </>
  );
}

export function ReportScheduleCreatePage() {
  return (
    <PermissionGate permission="review:reports">
      <ScheduleCreate />
    </PermissionGate>
  );
}
