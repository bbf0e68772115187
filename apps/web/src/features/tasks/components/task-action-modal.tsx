import type { TaskDetail } from '@atmis/domain';
import { App, Col, Form, Input, InputNumber, Modal, Row, Select, Slider } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { formatDate } from '../../../lib/format.ts';
import { useTaskAction, type PostAction, type TaskActionCall } from '../api/tasks-api.ts';
import { FileUploadField } from './file-upload-field.tsx';

export type FormAction = PostAction;

interface FormValues {
  percent?: number;
  narrative?: string;
  comment?: string;
  message?: string;
  fileIds?: string[];
  occurrenceId?: string;
}

/** Which text field an action asks for, and whether it is required. */
const TEXT_FIELD: Record<FormAction, { name: 'narrative' | 'comment' | 'message'; isRequired: boolean }> = {
  progress: { name: 'narrative', isRequired: true },
  contribute: { name: 'narrative', isRequired: true },
  submit: { name: 'narrative', isRequired: false },
  accept: { name: 'comment', isRequired: false },
  return: { name: 'comment', isRequired: true },
  cancel: { name: 'comment', isRequired: true },
  chase: { name: 'message', isRequired: true },
};
const WITH_FILES: FormAction[] = ['progress', 'contribute', 'submit'];

function callOf(action: FormAction, values: FormValues): TaskActionCall {
  const files = values.fileIds?.length ? { fileIds: values.fileIds } : {};
  switch (action) {
    case 'progress':
      return {
        action,
        body: {
          percent: values.percent ?? 0,
          narrative: values.narrative ?? '',
          ...files,
          ...(values.occurrenceId ? { occurrenceId: values.occurrenceId } : {}),
        },
      };
    case 'contribute':
      return { action, body: { narrative: values.narrative ?? '', ...files } };
    case 'submit':
      return { action, body: { ...(values.narrative?.trim() ? { narrative: values.narrative } : {}), ...files } };
    case 'accept':
      return { action, body: values.comment?.trim() ? { comment: values.comment } : {} };
    case 'chase':
      return { action, body: { message: values.message ?? '' } };
    default:
      return { action, body: { comment: values.comment ?? '' } };
  }
}

/** One form for every task action; the fields follow the action (percent and files, comment, message). */
export function TaskActionModal({ task, action, onClose }: { task: TaskDetail; action: FormAction; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const mutation = useTaskAction(task.id);
  const field = TEXT_FIELD[action];
  const pendingOccurrences = task.occurrences.filter((occurrence) => occurrence.status === 'pending');
  const labels = { narrative: t('tasks.narrative'), comment: t('tasks.comment'), message: t('tasks.message') };
  const requiredMessages = {
    narrative: t('tasks.narrativeRequired'),
    comment: t('tasks.commentRequired'),
    message: t('tasks.messageRequired'),
  };

  async function submit(values: FormValues) {
    try {
      await mutation.mutateAsync(callOf(action, values));
      message.success(t(`tasks.done.${action}`));
      onClose();
    } catch (error) {
      applyServerErrors(form, error, ['percent', 'narrative', 'comment', 'message', 'fileIds', 'occurrenceId']);
    }
  }

  return (
    <Modal
      open
      title={t(`tasks.actions.${action}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(`tasks.actions.${action}`)}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': `task-${action}-submit`, danger: action === 'cancel' || action === 'return' }}
      width={620}
      destroyOnHidden
    >
      <ErrorAlert error={mutation.error} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          percent: task.progressPercent,
          message: action === 'chase' ? t('tasks.chaseDefault') : undefined,
          occurrenceId: pendingOccurrences[0]?.id,
        }}
      >
        {action === 'progress' && (
          <Row gutter={16} align="middle">
            <Col flex="auto">
              <Form.Item name="percent" label={t('tasks.percent')} rules={[{ required: true, type: 'number', min: 0, max: 100 }]}>
                <Slider min={0} max={100} step={5} marks={{ 0: '0%', 50: '50%', 100: '100%' }} data-testid="task-progress-slider" />
              </Form.Item>
            </Col>
            <Col>
              <Form.Item name="percent" label=" ">
                <InputNumber
                  min={0}
                  max={100}
                  precision={0}
                  suffix="%"
                  data-testid="task-progress-percent"
                  aria-label={t('tasks.percent')}
                  style={{ width: 100 }}
                />
              </Form.Item>
            </Col>
          </Row>
        )}
        {action === 'progress' && pendingOccurrences.length > 0 && (
          <Form.Item name="occurrenceId" label={t('tasks.occurrence')}>
            <Select
              allowClear
              data-testid="task-progress-occurrence"
              options={pendingOccurrences.map((occurrence) => ({
                value: occurrence.id,
                label: `${occurrence.periodLabel} (${formatDate(occurrence.dueDate)})`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name={field.name}
          label={labels[field.name]}
          rules={[
            ...(field.isRequired ? [{ required: true, whitespace: true, message: requiredMessages[field.name] }] : []),
            { max: field.name === 'narrative' ? 5000 : 2000 },
          ]}
        >
          <Input.TextArea rows={4} data-testid={`task-${action}-text`} />
        </Form.Item>
        {WITH_FILES.includes(action) && (
          <Form.Item name="fileIds" label={t('tasks.files')}>
            <FileUploadField testId={`task-${action}-files`} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
