import { ArrowLeftOutlined, CheckOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { Alert, App, Button, Card, Col, Popconfirm, Result, Row, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PermissionGate } from '../../../app/auth/permission-gate.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useNotifyError } from '../../../components/use-notify-error.ts';
import { isApiError } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useConfirmPlanImport, usePlanImport } from '../api/plan-imports-api.ts';
import { ImportAgencyMapping } from '../components/import-agency-mapping.tsx';
import { ImportLegalBasisEditor, ImportPhasesEditor } from '../components/import-basis-editors.tsx';
import { ImportDetails, ImportWarnings } from '../components/import-details.tsx';
import { ImportDocumentForm } from '../components/import-document-form.tsx';
import { ImportTargetsEditor } from '../components/import-targets-editor.tsx';
import { ImportTasksTable } from '../components/import-tasks-table.tsx';

function PlanImportReview({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  const query = usePlanImport(id);
  const confirm = useConfirmPlanImport(id);
  const back = (
    <Link to="/plans/import">
      <Button icon={<ArrowLeftOutlined />}>{t('common.back')}</Button>
    </Link>
  );

  if (query.isLoading)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (isApiError(query.error) && query.error.status === 404)
    return <Result status="404" title="404" subTitle={t('planImport.notFound')} extra={back} data-testid="plan-import-not-found" />;
  if (!query.data) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const view = query.data;
  const isPending = view.status === 'pending';
  const willBeDraft = view.warnings.length > 0 || view.unmappedLeadNames.length > 0;

  async function confirmImport() {
    try {
      const plan = await confirm.mutateAsync();
      message.success(t('planImport.confirmed'));
      await navigate({ to: '/plans/$id', params: { id: plan.id } });
    } catch (error) {
      notifyError(error);
    }
  }

  const confirmBar = isPending ? (
    <Card style={{ marginBottom: 16 }} data-testid="import-confirm-bar">
      <Alert
        type={willBeDraft ? 'warning' : 'success'}
        showIcon
        data-testid="import-outcome"
        data-draft={willBeDraft ? 'true' : 'false'}
        title={willBeDraft ? t('planImport.confirmDraftTitle') : t('planImport.confirmIssuedTitle')}
        description={
          willBeDraft
            ? t('planImport.confirmDraftBody', { warnings: view.warnings.length, unmapped: view.unmappedLeadNames.length })
            : undefined
        }
        style={{ marginBottom: 12 }}
      />
      <Popconfirm
        title={willBeDraft ? t('planImport.confirmDraftTitle') : t('planImport.confirm')}
        onConfirm={() => void confirmImport()}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': 'import-confirm-ok' }}
      >
        <Button type="primary" size="large" icon={<CheckOutlined />} loading={confirm.isPending} data-testid="import-confirm">
          {t('planImport.confirm')}
        </Button>
      </Popconfirm>
    </Card>
  ) : (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('planImport.alreadyConfirmed')}
      data-testid="import-already-confirmed"
      action={
        view.planId ? (
          <Link to="/plans/$id" params={{ id: view.planId }}>
            <Button size="small">{t('planImport.openPlan')}</Button>
          </Link>
        ) : undefined
      }
    />
  );

  return (
    <>
      <PageHeader title={t('planImport.reviewTitle')} testId="plan-import-review-title" extra={<Space>{back}</Space>} />
      <Typography.Paragraph type="secondary" data-testid="import-file-name">
        {t('planImport.fileName')}: <strong>{view.fileName}</strong> · {formatDateTime(view.createdAt)}
      </Typography.Paragraph>
      <ImportWarnings view={view} />
      {confirmBar}
      <ImportDocumentForm key={`${view.id}-${view.status}`} view={view} isEditable={isPending} />
      <ImportAgencyMapping view={view} isEditable={isPending} />
      <ImportTasksTable view={view} isEditable={isPending} />
      <ImportTargetsEditor view={view} isEditable={isPending} />
      <Row gutter={16}>
        <Col xs={24} xxl={14}>
          <ImportLegalBasisEditor view={view} isEditable={isPending} />
        </Col>
        <Col xs={24} xxl={10}>
          <ImportPhasesEditor view={view} isEditable={isPending} />
        </Col>
      </Row>
      <ImportDetails result={view.result} />
    </>
  );
}

export function PlanImportReviewPage() {
  const { id } = useParams({ from: '/app/plans/import/$id' });
  return (
    <PermissionGate permission="manage:plans">
      <PlanImportReview id={id} />
    </PermissionGate>
  );
}
