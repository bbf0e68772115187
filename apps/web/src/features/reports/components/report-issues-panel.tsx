import { CheckCircleOutlined, CloseCircleOutlined, WarningOutlined } from '@ant-design/icons';
import type { ReportIssue, ReportTemplateDefinition } from '@atmis/domain';
import { Card, Space, Tag, Typography } from 'antd';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isCellPath, notePath, type DraftAnalysis, type DraftValues } from '../model/report-draft.ts';
import { fieldLabel, focusField, issueMessage, sanitiseKey } from './report-labels.ts';

interface Props {
  definition: ReportTemplateDefinition;
  analysis: DraftAnalysis;
  values: DraftValues;
  serverErrors: Readonly<Record<string, string[]>>;
  isEditable: boolean;
}

function IssueLink({ issue, onClick, children }: { issue: ReportIssue; onClick: () => void; children: React.ReactNode }) {
  return (
    <li data-path={issue.path} data-code={issue.code} data-testid={`report-issue-${sanitiseKey(issue.key)}`} style={{ marginBottom: 4 }}>
      <Typography.Link onClick={onClick} style={{ fontSize: 13 }}>
        {children}
      </Typography.Link>
    </li>
  );
}

/** Everything the checks found, with links that take the user to the cell, narrative or note concerned. */
export const ReportIssuesPanel = forwardRef<HTMLDivElement, Props>(function ReportIssuesPanel(
  { definition, analysis, values, serverErrors, isEditable },
  ref,
) {
  const { t, i18n } = useTranslation();
  const errors = [...analysis.inputIssues, ...analysis.consistency.filter((issue) => issue.severity === 'error')];
  const warnings = analysis.consistency.filter((issue) => issue.severity === 'warning');
  const liveMessages = new Set([...errors, ...warnings].map((issue) => issueMessage(issue, i18n.language)));
  const serverOnly = Object.entries(serverErrors).flatMap(([path, messages]) =>
    messages.filter((message) => !liveMessages.has(message)).map((message) => ({ path, message })),
  );
  const blockerCount = analysis.blockers.length;
  const isClean = errors.length === 0 && warnings.length === 0 && serverOnly.length === 0;

  return (
    <Card
      ref={ref}
      size="small"
      title={t('reportWork.issues.title')}
      style={{ marginBottom: 16 }}
      data-testid="report-issues"
      data-errors={errors.length}
      data-warnings={warnings.length}
      data-blockers={blockerCount}
      extra={
        blockerCount > 0 ? (
          <Tag color="red" data-testid="report-issues-blocked">
            {t('reportWork.issues.blockers', { count: blockerCount })}
          </Tag>
        ) : (
          <Tag color="green" data-testid="report-issues-ready">
            {t('reportWork.issues.ready')}
          </Tag>
        )
      }
    >
      {isClean && (
        <Typography.Text type="success">
          <CheckCircleOutlined /> {t('reportWork.issues.none')}
        </Typography.Text>
      )}
      {errors.length > 0 && (
        <>
          <Typography.Text type="danger" strong>
            <CloseCircleOutlined /> {t('reportWork.issues.errors', { count: errors.length })}
          </Typography.Text>
          <ul style={{ paddingLeft: 18, margin: '4px 0 8px' }}>
            {errors.map((issue) => (
              <IssueLink key={issue.key} issue={issue} onClick={() => focusField(issue.path)}>
                {issueMessage(issue, i18n.language)}
              </IssueLink>
            ))}
          </ul>
        </>
      )}
      {warnings.length > 0 && (
        <>
          <Typography.Text type="warning" strong>
            <WarningOutlined /> {t('reportWork.issues.warnings', { count: warnings.length })}
          </Typography.Text>
          <ul style={{ paddingLeft: 18, margin: '4px 0 8px' }}>
            {warnings.map((issue) => {
              const hasNote = (values[notePath(issue.key)] ?? '').trim() !== '';
              return (
                <IssueLink
                  key={issue.key}
                  issue={issue}
                  onClick={() => (isEditable && !hasNote ? focusField(notePath(issue.key)) : focusField(issue.path))}
                >
                  <Space size={4} wrap>
                    <span>{issueMessage(issue, i18n.language)}</span>
                    <Tag color={hasNote ? 'green' : 'orange'}>
                      {hasNote ? t('reportWork.issues.noteGiven') : t('reportWork.issues.noteMissing')}
                    </Tag>
                  </Space>
                </IssueLink>
              );
            })}
          </ul>
        </>
      )}
      {serverOnly.length > 0 && (
        <>
          <Typography.Text type="danger" strong>
            {t('reportWork.issues.server', { count: serverOnly.length })}
          </Typography.Text>
          <ul style={{ paddingLeft: 18, margin: '4px 0 0' }} data-testid="report-issues-server">
            {serverOnly.map((item) => (
              <li key={`${item.path}:${item.message}`} data-path={item.path} style={{ marginBottom: 4 }}>
                <Typography.Link onClick={() => focusField(item.path)} style={{ fontSize: 13 }}>
                  {/* The domain's messages name the table, row and column; other messages get the field's name. */}
                  {isCellPath(item.path) ? item.message : `${fieldLabel(definition, item.path, t)}: ${item.message}`}
                </Typography.Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
});
