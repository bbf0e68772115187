import type { PlanImportView, UpdatePlanImportBody } from '@atmis/domain';
import { App, AutoComplete, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { isApiError } from '../../../lib/api.ts';
import { DATE_FORMAT, toIsoDate } from '../../../lib/format.ts';
import { RECURRENCES } from '../../tasks/index.ts';
import { useUpdatePlanImport } from '../api/plan-imports-api.ts';
import { nameOptionsOf } from './import-agency-names.tsx';

type NewTask = NonNullable<UpdatePlanImportBody['newTasks']>[number];

interface FormValues {
  section: string;
  text: string;
  lead?: string[];
  coordinating?: string[];
  requested?: string[];
  deadline?: Dayjs | null;
  recurrence?: NewTask['recurrence'];
}

const FIELD_NAMES: (keyof FormValues)[] = ['section', 'text', 'lead', 'coordinating', 'requested', 'deadline', 'recurrence'];

/** The sections a new task may go under: those of the parsed tasks, then the document's headings. */
function sectionOptions(view: PlanImportView): { value: string }[] {
  const labels = new Set<string>();
  for (const task of view.result.tasks) if (task.section) labels.add(task.section);
  for (const section of view.result.sections) labels.add(`${section.path}. ${section.heading}`);
  return [...labels].map((value) => ({ value }));
}

/** "Thêm nhiệm vụ": a task the document has but the parser missed, appended to the import. */
export function ImportNewTaskModal({ view, onClose }: { view: PlanImportView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const update = useUpdatePlanImport(view.id);
  const nameOptions = nameOptionsOf(view.agencyMatches, t('planImport.unmatched'));
  const sections = sectionOptions(view);

  async function submit(values: FormValues) {
    const names = (list: string[] | undefined) => (list ?? []).map((name) => name.trim()).filter(Boolean);
    try {
      await update.mutateAsync({
        newTasks: [
          {
            section: values.section,
            text: values.text,
            lead: names(values.lead),
            coordinating: names(values.coordinating),
            requested: names(values.requested),
            deadline: toIsoDate(values.deadline) ?? null,
            recurrence: values.recurrence ?? null,
          },
        ],
      });
      message.success(t('planImport.taskAdded'));
      onClose();
    } catch (error) {
      // Field messages ("newTasks.0.text") go under their fields; the alert above shows the rest.
      if (isApiError(error))
        form.setFields(
          error.errors
            .map((issue) => ({ name: issue.path.split('.')[2] ?? '', errors: [issue.message] }))
            .filter((field): field is { name: keyof FormValues; errors: string[] } => FIELD_NAMES.includes(field.name as keyof FormValues)),
        );
    }
  }

  const namesField = (name: 'lead' | 'coordinating' | 'requested') => (
    <Form.Item name={name} label={t(`planImport.${name}`)}>
      <Select
        mode="tags"
        options={nameOptions}
        tokenSeparators={[';']}
        placeholder={t('planImport.agencyNamesPlaceholder')}
        data-testid={`import-new-task-${name}`}
        popupMatchSelectWidth={false}
      />
    </Form.Item>
  );

  return (
    <Modal
      open
      title={t('planImport.addTaskTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('planImport.addTask')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      okButtonProps={{ 'data-testid': 'import-new-task-submit' }}
      width={720}
      destroyOnHidden
    >
      <ErrorAlert error={update.error} />
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} data-testid="import-new-task-form">
        <Form.Item
          name="section"
          label={t('planImport.taskSection')}
          rules={[{ required: true, whitespace: true, message: t('planImport.taskSectionRequired') }, { max: 1000 }]}
        >
          <AutoComplete
            options={sections}
            placeholder={t('planImport.taskSectionPlaceholder')}
            data-testid="import-new-task-section"
            showSearch={{
              filterOption: (input, option) =>
                String(option?.value ?? '')
                  .toLowerCase()
                  .includes(input.toLowerCase()),
            }}
          />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('planImport.taskContent')}
          rules={[{ required: true, whitespace: true, message: t('planImport.taskTextRequired') }, { max: 5000 }]}
        >
          <Input.TextArea rows={4} data-testid="import-new-task-text" />
        </Form.Item>
        {namesField('lead')}
        {namesField('coordinating')}
        {namesField('requested')}
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="deadline" label={t('planImport.deadline')}>
              <DatePicker
                format={DATE_FORMAT}
                placeholder={t('common.dateFormatHint')}
                style={{ width: '100%' }}
                data-testid="import-new-task-deadline"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="recurrence" label={t('planImport.recurrence')}>
              <Select
                allowClear
                data-testid="import-new-task-recurrence"
                options={RECURRENCES.map((value) => ({ value, label: t(`plans.recurrence.${value}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
