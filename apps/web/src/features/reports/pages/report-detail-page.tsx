import { ArrowLeftOutlined } from '@ant-design/icons';
import type { ReportDetail } from '@atmis/domain';
import { Link, useParams } from '@tanstack/react-router';
import { Alert, App, Button, Card, Col, Result, Row, Skeleton } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PermissionGate } from '../../../app/auth/permission-gate.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { errorMessageOf, isApiError } from '../../../lib/api.ts';
import { useReport } from '../api/reports-api.ts';
import { ReportActionBar } from '../components/report-action-bar.tsx';
import { ReportActionModal, type ReportFormAction } from '../components/report-action-modal.tsx';
import {
  ConflictsPanel,
  NewerVersionAlert,
  StaleAlert,
  UnsavedChangesList,
  UpdatedByOthersAlert,
} from '../components/report-concurrency.tsx';
import { ReportForm } from '../components/report-form.tsx';
import { ReportHeader } from '../components/report-header.tsx';
import { ConsolidationSources, ReportEventsTimeline, ReturnedNotice } from '../components/report-history.tsx';
import { ReportIssuesPanel } from '../components/report-issues-panel.tsx';
import { focusField, periodLabel } from '../components/report-labels.ts';
import { analyseDraft, draftFromContent } from '../model/report-draft.ts';
import { isStaleError, useReportEditor } from '../model/use-report-editor.ts';
import { useSaveShortcut, useUnsavedChangesGuard } from '../model/use-unsaved-guard.ts';

function ReportWorkspace({ report }: { report: ReportDetail }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const editor = useReportEditor(report);
  const [action, setAction] = useState<ReportFormAction | null>(null);
  const issuesRef = useRef<HTMLDivElement>(null);
  const definition = report.template.definition;
  const isEditable = report.allowedActions.includes('edit');

  // Read-only views show what is stored; the draft is shown only while the user may edit.
  const storedValues = useMemo(() => draftFromContent(definition, report.content), [definition, report.content]);
  const storedAnalysis = useMemo(() => analyseDraft(definition, storedValues), [definition, storedValues]);
  const values = isEditable ? editor.draft : storedValues;
  const analysis = isEditable ? editor.analysis : storedAnalysis;

  async function save() {
    if (!isEditable || editor.isSaving) return;
    const refused = editor.analysis.inputIssues;
    if (refused.length > 0) {
      void message.error(t('reportWork.issues.saveBlocked', { count: refused.length }));
      focusField(refused[0]!.path);
      return;
    }
    if (await editor.save()) void message.success(t('reportWork.done.save'));
  }

  async function submit(kind: 'submit' | 'resubmit') {
    const blockers = editor.analysis.blockers;
    if (blockers.length > 0) {
      void message.error(t('reportWork.issues.submitBlocked', { count: blockers.length }));
      issuesRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      return;
    }
    if (await editor.submit(kind)) void message.success(t(`reportWork.done.${kind}`));
  }

  useUnsavedChangesGuard(editor.isDirtyRef, editor.dirtyPaths.length);
  useSaveShortcut(isEditable, save);

  const failure = editor.failure;
  const isStale = isStaleError(failure);
  const title = `${report.scheduleName} — ${periodLabel(report.period, i18n.language)}`;
  const exportBaseName = `${report.scheduleName}-${report.period.id}-${report.agencyName}`
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .slice(0, 120);

  return (
    <>
      <PageHeader
        title={title}
        testId="report-title"
        extra={
          <Link to="/reports">
            <Button icon={<ArrowLeftOutlined />} data-testid="report-back">
              {t('common.back')}
            </Button>
          </Link>
        }
      />
      <ReportHeader report={report} />
      <ReportActionBar
        report={report}
        dirtyCount={editor.dirtyPaths.length}
        isSaving={editor.isSaving}
        isSubmitting={editor.isSubmitting}
        onSave={() => void save()}
        onSubmit={(kind) => void submit(kind)}
        onOpen={setAction}
        exportBaseName={exportBaseName}
      />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <ReturnedNotice report={report} />
          {!isEditable && (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('reportWork.readOnly')} data-testid="report-read-only" />
          )}
          {isStale && <StaleAlert error={failure} onReload={() => void editor.reloadKeepingMine()} isReloading={editor.isReloading} />}
          {Boolean(failure) && !isStale && (
            <Alert
              type="error"
              showIcon
              closable={{ onClose: editor.dismissFailure }}
              style={{ marginBottom: 16 }}
              data-testid="report-save-error"
              title={errorMessageOf(failure, t('common.error'))}
              description={
                isApiError(failure) && failure.code === 'report.not_editable' ? (
                  <UnsavedChangesList definition={definition} paths={editor.dirtyPaths} draft={editor.draft} />
                ) : isApiError(failure) && failure.errors.length > 0 ? (
                  t('reportWork.issues.seeMarked')
                ) : undefined
              }
            />
          )}
          {!failure && editor.newerVersion && (
            <NewerVersionAlert
              onReload={() => void editor.reloadKeepingMine(editor.newerVersion ?? undefined)}
              isReloading={editor.isReloading}
            />
          )}
          {isEditable && (
            <>
              <ConflictsPanel definition={definition} conflicts={editor.conflicts} onResolve={editor.resolveConflict} />
              <UpdatedByOthersAlert definition={definition} paths={editor.updatedByOthers} onDismiss={editor.dismissUpdatedByOthers} />
            </>
          )}
          <ReportForm report={report} editor={editor} isEditable={isEditable} values={values} analysis={analysis} />
        </Col>
        <Col xs={24} xl={8}>
          <ReportIssuesPanel
            ref={issuesRef}
            definition={definition}
            analysis={analysis}
            values={values}
            serverErrors={isEditable ? editor.serverErrors : {}}
            isEditable={isEditable}
          />
          {report.consolidation && (
            <Card size="small" title={t('reportWork.consolidation.title')} style={{ marginBottom: 16 }}>
              <ConsolidationSources consolidation={report.consolidation} />
            </Card>
          )}
          <Card size="small" title={t('reportWork.events.title')} style={{ marginBottom: 16 }}>
            <ReportEventsTimeline events={report.events} />
          </Card>
        </Col>
      </Row>
      {action && <ReportActionModal key={action} report={report} action={action} onClose={() => setAction(null)} />}
    </>
  );
}

function ReportDetailView({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useReport(id);
  if (query.isLoading)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  if (isApiError(query.error) && query.error.status === 404)
    return (
      <Result
        status="404"
        title="404"
        subTitle={t('reportWork.notFound')}
        extra={
          <Link to="/reports">
            <Button icon={<ArrowLeftOutlined />}>{t('common.back')}</Button>
          </Link>
        }
        data-testid="report-not-found"
      />
    );
  if (!query.data) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return <ReportWorkspace key={id} report={query.data} />;
}

export function ReportDetailPage() {
  const params: { id?: string } = useParams({ strict: false });
  return <PermissionGate permission="read:reports">{params.id ? <ReportDetailView id={params.id} /> : null}</PermissionGate>;
}
