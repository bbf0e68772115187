import type { CreateTaskBody } from '@atmis/domain';
import { AutoComplete, Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { AgencySelect, type AgencyOption } from '../../../components/agency-select.tsx';
import { DATE_FORMAT, toIsoDate } from '../../../lib/format.ts';
import { AgencyMultiSelect } from './agency-multi-select.tsx';

export type Recurrence = NonNullable<CreateTaskBody['recurrence']>;
export const RECURRENCES: Recurrence[] = ['continuous', 'monthly', 'quarterly', 'six_monthly', 'yearly'];

/** The values of the task form shared by "Thêm nhiệm vụ" (plan) and "Sửa nhiệm vụ" (task). */
export interface TaskFormValues {
  sectionPath?: string;
  sectionHeading?: string;
  content: string;
  leadAgencyId?: string | null;
  coordinatingAgencyIds?: string[];
  requestedAgencyIds?: string[];
  phase?: string;
  deadline?: Dayjs | null;
  recurrence?: Recurrence | null;
  campaign?: [Dayjs | null, Dayjs | null] | null;
  reason?: string;
}

/** The form's values in the API's shape (dates as `YYYY-MM-DD`, blanks as null). */
export function taskBodyOf(values: TaskFormValues) {
  return {
    sectionPath: values.sectionPath?.trim() ?? '',
    content: values.content,
    leadAgencyId: values.leadAgencyId ?? null,
    coordinatingAgencyIds: values.coordinatingAgencyIds ?? [],
    requestedAgencyIds: values.requestedAgencyIds ?? [],
    phase: values.phase?.trim() || null,
    deadline: toIsoDate(values.deadline) ?? null,
    recurrence: values.recurrence ?? null,
    campaignFrom: toIsoDate(values.campaign?.[0]) ?? null,
    campaignTo: toIsoDate(values.campaign?.[1]) ?? null,
  };
}

export const TASK_FORM_FIELDS = [
  'sectionPath',
  'sectionHeading',
  'content',
  'leadAgencyId',
  'coordinatingAgencyIds',
  'requestedAgencyIds',
  'phase',
  'deadline',
  'recurrence',
  'campaignFrom',
  'campaignTo',
  'reason',
] as const;

/**
 * The fields of a task: section, content, lead / coordinating / requested agencies from the
 * registry, phase, deadline (dd/MM/yyyy), recurrence and campaign period.
 */
export function TaskFormFields({
  sections,
  phases,
  knownAgencies = [],
  isLeadRequired,
  withSectionHeading,
  testIdPrefix,
}: {
  sections: { path: string; heading: string }[];
  phases: string[];
  knownAgencies?: AgencyOption[];
  isLeadRequired: boolean;
  withSectionHeading: boolean;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  const knownPaths = new Set(sections.map((section) => section.path));
  const id = (name: string) => `${testIdPrefix}-${name}`;
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} sm={withSectionHeading ? 10 : 24}>
          <Form.Item name="sectionPath" label={t('tasks.sectionPath')} rules={[{ max: 50 }]}>
            <AutoComplete
              data-testid={id('section')}
              placeholder={t('tasks.sectionPathPlaceholder')}
              options={sections.map((section) => ({ value: section.path, label: `${section.path}. ${section.heading}` }))}
              showSearch={{
                filterOption: (input, option) =>
                  `${option?.value ?? ''} ${String(option?.label ?? '')}`.toLowerCase().includes(input.toLowerCase()),
              }}
            />
          </Form.Item>
        </Col>
        {withSectionHeading && (
          <Form.Item noStyle dependencies={['sectionPath']}>
            {({ getFieldValue }) => {
              const path = String(getFieldValue('sectionPath') ?? '').trim();
              return path && !knownPaths.has(path) ? (
                <Col xs={24} sm={14}>
                  <Form.Item
                    name="sectionHeading"
                    label={t('tasks.sectionHeading')}
                    extra={t('tasks.sectionHeadingHint')}
                    rules={[{ max: 1000 }]}
                  >
                    <Input data-testid={id('section-heading')} />
                  </Form.Item>
                </Col>
              ) : null;
            }}
          </Form.Item>
        )}
      </Row>
      <Form.Item
        name="content"
        label={t('tasks.content')}
        rules={[{ required: true, whitespace: true, message: t('tasks.contentRequired') }, { max: 5000 }]}
      >
        <Input.TextArea rows={4} data-testid={id('content')} />
      </Form.Item>
      <Form.Item
        name="leadAgencyId"
        label={t('tasks.lead')}
        rules={isLeadRequired ? [{ required: true, message: t('tasks.leadRequired') }] : []}
      >
        <AgencySelect knownOptions={knownAgencies} testId={id('lead')} />
      </Form.Item>
      <Form.Item name="coordinatingAgencyIds" label={t('tasks.coordinating')}>
        <AgencyMultiSelect knownOptions={knownAgencies} testId={id('coordinating')} />
      </Form.Item>
      <Form.Item name="requestedAgencyIds" label={t('tasks.requested')}>
        <AgencyMultiSelect knownOptions={knownAgencies} testId={id('requested')} />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('tasks.deadlineOrRecurrence')}
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item name="deadline" label={t('tasks.deadline')}>
            <DatePicker
              format={DATE_FORMAT}
              placeholder={t('common.dateFormatHint')}
              style={{ width: '100%' }}
              data-testid={id('deadline')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="recurrence" label={t('tasks.recurrence')}>
            <Select
              allowClear
              data-testid={id('recurrence')}
              options={RECURRENCES.map((value) => ({ value, label: t(`plans.recurrence.${value}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="phase" label={t('tasks.phase')} rules={[{ max: 300 }]}>
            <AutoComplete
              data-testid={id('phase')}
              placeholder={t('tasks.phasePlaceholder')}
              options={phases.map((value) => ({ value }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="campaign" label={t('tasks.campaignRange')}>
        <DatePicker.RangePicker
          format={DATE_FORMAT}
          placeholder={[t('common.dateFormatHint'), t('common.dateFormatHint')]}
          data-testid={id('campaign')}
        />
      </Form.Item>
    </>
  );
}
