import type { PlanDetail } from '@atmis/domain';
import { App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { TASK_FORM_FIELDS, taskBodyOf, TaskFormFields, type TaskFormValues } from '../../tasks/index.ts';
import { useCreatePlanTask } from '../api/plans-api.ts';

/** "Thêm nhiệm vụ": a task added to an existing plan, its agencies chosen from the registry. */
export function PlanTaskCreateModal({ plan, onClose }: { plan: PlanDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TaskFormValues>();
  const mutation = useCreatePlanTask(plan.id);

  async function submit(values: TaskFormValues) {
    const { sectionPath, ...body } = taskBodyOf(values);
    try {
      await mutation.mutateAsync({
        ...body,
        ...(sectionPath ? { sectionPath } : {}),
        sectionHeading: values.sectionHeading?.trim() || null,
      });
      message.success(t('plans.taskAdded'));
      onClose();
    } catch (error) {
      applyServerErrors(form, error, TASK_FORM_FIELDS);
    }
  }

  return (
    <Modal
      open
      title={t('plans.addTaskTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('plans.addTask')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'plan-task-create-submit' }}
      width={720}
      destroyOnHidden
    >
      <ErrorAlert error={mutation.error} />
      <Form<TaskFormValues> form={form} layout="vertical" onFinish={submit} data-testid="plan-task-create-form">
        <TaskFormFields
          sections={plan.sections}
          phases={plan.phases.map((phase) => phase.label)}
          isLeadRequired
          withSectionHeading
          testIdPrefix="plan-task-create"
        />
      </Form>
    </Modal>
  );
}
