import type { TaskDetail, UpdateTaskBody } from '@atmis/domain';
import { App, Form, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { usePlan } from '../../plans/index.ts';
import { useUpdateTask } from '../api/tasks-api.ts';
import { TASK_FORM_FIELDS, TaskFormFields, taskBodyOf, type TaskFormValues } from './task-form-fields.tsx';

const day = (value: string | null) => (value ? dayjs(value, 'YYYY-MM-DD') : null);
const idsOf = (task: TaskDetail, role: 'coordinating' | 'requested') =>
  task.agencies.filter((agency) => agency.role === role && agency.agencyId).map((agency) => agency.agencyId as string);
const sameValue = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b) ? JSON.stringify([...a].sort()) === JSON.stringify([...b].sort()) : a === b;

function initialValuesOf(task: TaskDetail): TaskFormValues {
  return {
    sectionPath: task.sectionPath,
    content: task.content,
    leadAgencyId: task.leadAgencyId,
    coordinatingAgencyIds: idsOf(task, 'coordinating'),
    requestedAgencyIds: idsOf(task, 'requested'),
    phase: task.phase ?? undefined,
    deadline: day(task.deadline),
    recurrence: task.recurrence,
    campaign: task.campaignFrom || task.campaignTo ? [day(task.campaignFrom), day(task.campaignTo)] : null,
  };
}

/**
 * "Sửa nhiệm vụ" (standing office): the task's fields pre-filled; only what changed is sent, with
 * the reason, so names the registry does not know yet are kept unless their role is edited.
 */
export function TaskEditModal({ task, onClose }: { task: TaskDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TaskFormValues>();
  const mutation = useUpdateTask(task.id);
  const plan = usePlan(task.planId);
  const initialValues = initialValuesOf(task);
  const knownAgencies = task.agencies
    .filter((agency) => agency.agencyId && agency.agencyName)
    .map((agency) => ({ value: agency.agencyId as string, label: agency.agencyName as string }));

  async function submit(values: TaskFormValues) {
    const before = taskBodyOf(initialValues);
    const after = taskBodyOf(values);
    const changes: Omit<UpdateTaskBody, 'version'> = {};
    for (const key of Object.keys(after) as (keyof typeof after)[])
      if (!sameValue(after[key], before[key])) Object.assign(changes, { [key]: after[key] });
    if (Object.keys(changes).length === 0) {
      void message.info(t('tasks.noChanges'));
      return;
    }
    try {
      // The version the form was opened on: if someone saved since, the server answers 409 (task.stale) and
      // the alert says who saved when; nothing is overwritten and the entries stay in the form.
      await mutation.mutateAsync({ ...changes, version: task.version, reason: values.reason?.trim() || null });
      message.success(t('tasks.edited'));
      onClose();
    } catch (error) {
      applyServerErrors(form, error, TASK_FORM_FIELDS);
    }
  }

  return (
    <Modal
      open
      title={t('tasks.edit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'task-edit-submit' }}
      width={720}
      destroyOnHidden
    >
      <ErrorAlert error={mutation.error} />
      <Form<TaskFormValues> form={form} layout="vertical" onFinish={submit} initialValues={initialValues} data-testid="task-edit-form">
        <TaskFormFields
          sections={plan.data?.sections ?? []}
          phases={plan.data?.phases.map((phase) => phase.label) ?? []}
          knownAgencies={knownAgencies}
          isLeadRequired={false}
          withSectionHeading={false}
          testIdPrefix="task-edit"
        />
        <Form.Item name="reason" label={t('tasks.reason')} extra={t('tasks.reasonHint')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} data-testid="task-edit-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
