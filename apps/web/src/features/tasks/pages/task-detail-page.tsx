import {
  ArrowLeftOutlined,
  BellOutlined,
  CheckOutlined,
  CloseCircleOutlined,
  EditOutlined,
  LineChartOutlined,
  RollbackOutlined,
  SendOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Link, useParams, useRouter } from '@tanstack/react-router';
import { Button, Card, Col, Result, Row, Skeleton, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PermissionGate } from '../../../app/auth/permission-gate.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { isApiError } from '../../../lib/api.ts';
import { useTask } from '../api/tasks-api.ts';
import { TaskActionModal, type FormAction } from '../components/task-action-modal.tsx';
import { TaskEditModal } from '../components/task-edit-modal.tsx';
import { TaskInfoCard } from '../components/task-info-card.tsx';
import { TaskFiles, TaskUpdatesTimeline } from '../components/task-updates.tsx';

const ACTION_ICONS: Record<FormAction, ReactNode> = {
  progress: <LineChartOutlined />,
  contribute: <TeamOutlined />,
  submit: <SendOutlined />,
  accept: <CheckOutlined />,
  return: <RollbackOutlined />,
  cancel: <CloseCircleOutlined />,
  chase: <BellOutlined />,
};
const ACTION_ORDER: FormAction[] = ['progress', 'contribute', 'submit', 'accept', 'return', 'chase', 'cancel'];

function TaskDetailView({ id }: { id: string }) {
  const { t } = useTranslation();
  const router = useRouter();
  const query = useTask(id);
  const [action, setAction] = useState<FormAction | null>(null);
  const [isEditing, setIsEditing] = useState(false);
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => router.history.back()} data-testid="task-back">
      {t('common.back')}
    </Button>
  );

  if (query.isLoading)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (isApiError(query.error) && query.error.status === 404)
    return (
      <Result
        status="404"
        title="404"
        subTitle={t('tasks.notFound')}
        extra={<Link to="/tasks">{back}</Link>}
        data-testid="task-not-found"
      />
    );
  if (!query.data) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const task = query.data;
  // The server decides what this person may do now; the page only offers those actions.
  const actions = ACTION_ORDER.filter((candidate) => task.allowedActions.includes(candidate));
  const canEdit = task.allowedActions.includes('edit');

  return (
    <>
      <PageHeader title={`${t('tasks.title')}${task.sectionPath ? ` ${task.sectionPath}` : ''}`} testId="task-detail-title" extra={back} />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <TaskInfoCard task={task} />
          <Card title={t('tasks.updates')} style={{ marginBottom: 16 }}>
            <TaskUpdatesTimeline task={task} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('common.actions')} style={{ marginBottom: 16 }} data-testid="task-actions">
            {actions.length === 0 && !canEdit ? (
              <Typography.Text type="secondary">{t('tasks.noActions')}</Typography.Text>
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {actions.map((candidate) => (
                  <Button
                    key={candidate}
                    block
                    type={candidate === 'progress' || candidate === 'accept' || candidate === 'chase' ? 'primary' : 'default'}
                    danger={candidate === 'cancel'}
                    icon={ACTION_ICONS[candidate]}
                    onClick={() => setAction(candidate)}
                    data-testid={`task-action-${candidate}`}
                  >
                    {t(`tasks.actions.${candidate}`)}
                  </Button>
                ))}
                {canEdit && (
                  <Button block icon={<EditOutlined />} onClick={() => setIsEditing(true)} data-testid="task-action-edit">
                    {t('tasks.edit')}
                  </Button>
                )}
              </Space>
            )}
          </Card>
          <Card title={t('tasks.files')} style={{ marginBottom: 16 }}>
            <TaskFiles task={task} />
          </Card>
        </Col>
      </Row>
      {action && <TaskActionModal key={action} task={task} action={action} onClose={() => setAction(null)} />}
      {isEditing && <TaskEditModal task={task} onClose={() => setIsEditing(false)} />}
    </>
  );
}

export function TaskDetailPage() {
  const { id } = useParams({ from: '/app/tasks/$id' });
  return (
    <PermissionGate permission="read:tasks">
      <TaskDetailView id={id} />
    </PermissionGate>
  );
}
