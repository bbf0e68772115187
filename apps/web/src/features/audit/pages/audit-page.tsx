import { SafetyCertificateOutlined } from '@ant-design/icons';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  AUDIT_ENTITY_LABELS,
  auditEntityLink,
  type AuditEventView,
  type AuditLabel,
} from '@atmis/domain';
import { Alert, AutoComplete, Button, Card, Empty, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PermissionGate } from '../../../app/auth/permission-gate.tsx';
import { AppLink } from '../../../components/app-link.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { LoadMore } from '../../../components/load-more.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { useAuditEvents, useVerifyAudit } from '../api/audit-api.ts';

/** Suggestions only: the entity type is free text, since new modules add their own. */
const ENTITY_TYPES = Object.keys(AUDIT_ENTITY_LABELS);

function inLanguage(label: AuditLabel | undefined, language: string): string | undefined {
  return label && (language === 'en' ? label.en : label.vi);
}

/** The label of an action in the UI language, or the code itself for an action this build does not know. */
function actionLabel(action: string, language: string): string {
  return inLanguage((AUDIT_ACTION_LABELS as Record<string, AuditLabel | undefined>)[action], language) ?? action;
}

function entityLabel(entityType: string, language: string): string {
  return inLanguage(Object.hasOwn(AUDIT_ENTITY_LABELS, entityType) ? AUDIT_ENTITY_LABELS[entityType] : undefined, language) ?? entityType;
}

function VerifyResult({ verify }: { verify: ReturnType<typeof useVerifyAudit> }) {
  const { t } = useTranslation();
  if (verify.error) return <ErrorAlert error={verify.error} testId="audit-verify-error" />;
  if (!verify.data) return null;
  const result = verify.data;
  return result.isValid ? (
    <Alert
      type="success"
      showIcon
      title={t('audit.verifyOk', { checked: result.checked })}
      data-testid="audit-verify-result"
      data-valid="true"
      style={{ marginBottom: 12 }}
    />
  ) : (
    <Alert
      type="error"
      showIcon
      title={t('audit.verifyBroken', { seq: result.firstBrokenSeq ?? '?', problem: result.problem ?? '' })}
      data-testid="audit-verify-result"
      data-valid="false"
      style={{ marginBottom: 12 }}
    />
  );
}

function AuditTrail() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [action, setAction] = useState<string>();
  const [entityText, setEntityText] = useState('');
  const entityType = useDebouncedValue(entityText.trim(), 300) || undefined;
  const [actorText, setActorText] = useState('');
  const actor = useDebouncedValue(actorText.trim(), 300);
  const events = useAuditEvents({ action, entityType, actor: actor || undefined });
  const verify = useVerifyAudit();
  const rows = events.data?.pages.flatMap((page) => page.items) ?? [];
  const total = events.data?.pages[0]?.total ?? 0;

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        extra={
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
            data-testid="audit-verify-button"
          >
            {t('audit.verify')}
          </Button>
        }
      />
      <VerifyResult verify={verify} />
      <Card>
        <div className="atmis-toolbar">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'search' }}
            placeholder={t('audit.filterAction')}
            value={action}
            onChange={setAction}
            options={AUDIT_ACTIONS.map((value) => {
              const label = actionLabel(value, language);
              return { value, label, search: `${label} ${value}` };
            })}
            data-testid="audit-filter-action"
            style={{ width: 240 }}
          />
          <AutoComplete
            allowClear
            placeholder={t('audit.filterEntity')}
            value={entityText}
            onChange={(value: string | undefined) => setEntityText(value ?? '')}
            options={ENTITY_TYPES.map((value) => ({ value, label: `${entityLabel(value, language)} (${value})` }))}
            data-testid="audit-filter-entity"
            aria-label={t('audit.filterEntity')}
            style={{ width: 180 }}
          />
          <Input.Search
            allowClear
            placeholder={t('audit.filterActor')}
            value={actorText}
            onChange={(event) => setActorText(event.target.value)}
            aria-label={t('audit.filterActor')}
            data-testid="audit-filter-actor"
            style={{ width: 240 }}
          />
        </div>
        <ErrorAlert error={events.error} onRetry={() => void events.refetch()} />
        <Table<AuditEventView>
          data-testid="audit-table"
          rowKey="id"
          size="small"
          loading={events.isLoading || (events.isFetching && !events.isFetchingNextPage)}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Empty description={t('common.empty')} /> }}
          expandable={{
            rowExpandable: (event) => Object.keys(event.details).length > 0,
            expandedRowRender: (event) => <pre className="atmis-json">{JSON.stringify(event.details, null, 2)}</pre>,
          }}
          columns={[
            { title: t('audit.seq'), dataIndex: 'seq', width: 80 },
            { title: t('audit.time'), dataIndex: 'occurredAt', width: 150, render: (value: string) => formatDateTime(value) },
            {
              title: t('audit.actor'),
              dataIndex: 'actorUsername',
              render: (username: string | null) => username ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
            },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              render: (value: string, event) => (
                <Tooltip title={value}>
                  <Tag
                    color={value.includes('failed') || value.includes('locked') ? 'red' : 'blue'}
                    data-testid={`audit-action-${event.seq}`}
                    data-action={value}
                  >
                    {actionLabel(value, language)}
                  </Tag>
                </Tooltip>
              ),
            },
            {
              title: t('audit.entity'),
              key: 'entity',
              render: (_, event) => {
                const label = entityLabel(event.entityType, language);
                const link = auditEntityLink(event.entityType, event.entityId);
                return link ? (
                  <AppLink to={link} title={`${event.entityType} ${event.entityId ?? ''}`} testId={`audit-entity-${event.seq}`}>
                    {label}
                  </AppLink>
                ) : (
                  <Tooltip title={[event.entityType, event.entityId].filter(Boolean).join(' ')}>
                    <span data-testid={`audit-entity-${event.seq}`}>{label}</span>
                  </Tooltip>
                );
              },
            },
            {
              title: t('audit.from'),
              key: 'from',
              responsive: ['md'],
              render: (_, event) => (
                <Space orientation="vertical" size={0}>
                  <span className="atmis-mono">{event.ip ?? '—'}</span>
                  {event.userAgent && (
                    <Tooltip title={event.userAgent}>
                      <Typography.Text type="secondary" ellipsis style={{ maxWidth: 220, fontSize: 12 }}>
                        {event.userAgent}
                      </Typography.Text>
                    </Tooltip>
                  )}
                </Space>
              ),
            },
          ]}
        />
        <LoadMore
          shown={rows.length}
          total={total}
          hasMore={Boolean(events.hasNextPage)}
          isLoading={events.isFetchingNextPage}
          onLoadMore={() => void events.fetchNextPage()}
        />
      </Card>
    </>
  );
}

export function AuditPage() {
  return (
    <PermissionGate permission="read:audit">
      <AuditTrail />
    </PermissionGate>
  );
}
