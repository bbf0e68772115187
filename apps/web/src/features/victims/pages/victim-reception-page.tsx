import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import { Link, useNavigate } from '@tanstack/react-router';
import { Alert, App, Button, Card, Form, Space } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PermissionGate } from '../../../app/auth/permission-gate.tsx';
import { useMe } from '../../../app/auth/use-me.ts';
import { useWorkingUnit } from '../../../app/auth/working-unit.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useLeaveGuard } from '../../../components/use-unsaved-guard.ts';
import { isApiError } from '../../../lib/api.ts';
import { applyNestedServerErrors, type ServerIssue } from '../../../lib/form-errors.ts';
import { useCreateVictimFile, type DuplicateProblem } from '../api/victims-api.ts';
import { CompanionFields } from '../components/companion-fields.tsx';
import { DuplicateAlert, duplicateProblemOf } from '../components/duplicate-alert.tsx';
import { PersonFields } from '../components/person-fields.tsx';
import { ReceptionFields } from '../components/reception-fields.tsx';
import { isReceptionField, receptionFieldFor, toCreateBody, type ReceptionFormValues } from '../components/reception-values.ts';

/**
 * "Tiếp nhận mới": the reception of a person (and those who came with them) opens a victim file.
 * The server validates everything and checks for a possible duplicate; its messages land under the
 * fields and nothing typed is lost. Leaving with unsaved input asks first.
 */
function VictimReception() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const { workingUnit } = useWorkingUnit();
  const [form] = Form.useForm<ReceptionFormValues>();
  const create = useCreateVictimFile();
  const [duplicate, setDuplicate] = useState<DuplicateProblem | null>(null);
  const [unplaced, setUnplaced] = useState<ServerIssue[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const isDirtyRef = useRef(false);
  const receivedOn = Form.useWatch(['reception', 'receivedOn'], form) as dayjs.Dayjs | null | undefined;
  const receivedOnIso = receivedOn?.isValid() ? receivedOn.format('YYYY-MM-DD') : undefined;

  useLeaveGuard(
    isDirtyRef,
    () => ({
      title: t('victims.reception.leaveTitle'),
      content: t('victims.reception.leaveContent'),
      okText: t('victims.reception.leaveOk'),
      cancelText: t('victims.reception.leaveCancel'),
    }),
    'reception-leave',
  );

  async function send(confirmNotDuplicate: boolean) {
    setDuplicate(null);
    setUnplaced([]);
    setFailure(null);
    const values = form.getFieldsValue(true) as ReceptionFormValues;
    try {
      const created = await create.mutateAsync(toCreateBody(values, confirmNotDuplicate, workingUnit?.orgUnitId));
      const warnings = Object.values(created.warnings ?? {});
      notification.success({
        title: t('victims.reception.created', { reference: created.reference }),
        description: warnings.length > 0 ? warnings.map((warning) => <div key={warning}>{warning}</div>) : undefined,
        // Warnings stay until read, at the bottom, where they cover nothing the officer needs next.
        duration: warnings.length > 0 ? 0 : 6,
        placement: 'bottomRight',
        props: { 'data-testid': 'reception-created' } as Record<string, string>,
      });
      // Saved: leaving now is not losing anything.
      isDirtyRef.current = false;
      await navigate({ to: '/victims/$id', params: { id: created.id } });
    } catch (error) {
      const possibleDuplicate = duplicateProblemOf(error);
      if (possibleDuplicate) {
        setDuplicate(possibleDuplicate);
        return;
      }
      if (isApiError(error) && error.status === 400) {
        const placed = applyNestedServerErrors(form, error, isReceptionField, receptionFieldFor);
        setUnplaced(placed.unplaced);
        if (placed.isPlaced || placed.unplaced.length > 0) {
          if (placed.isPlaced) form.scrollToField(form.getFieldsError().find((field) => field.errors.length > 0)?.name ?? []);
          return;
        }
      }
      setFailure(error);
    }
  }

  return (
    <>
      <PageHeader
        title={t('victims.reception.title')}
        testId="victim-reception-title"
        extra={
          <Link to="/victims">
            <Button icon={<ArrowLeftOutlined />} data-testid="reception-back">
              {t('victims.reception.backToList')}
            </Button>
          </Link>
        }
      />
      <Form<ReceptionFormValues>
        form={form}
        layout="vertical"
        data-testid="victim-reception-form"
        initialValues={{ reception: { receivedOn: dayjs(), receivingOfficer: me.user.fullName } }}
        onValuesChange={() => {
          isDirtyRef.current = true;
          // A changed person may no longer match: the officer checks again on the next submit.
          if (duplicate) setDuplicate(null);
        }}
        onFinish={() => void send(false)}
        // Enter confirms a typed date or a choice; on a form this long it must not send it half done.
        onKeyDown={(event) => {
          if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
        }}
        scrollToFirstError
      >
        <Card title={t('victims.reception.receptionSection')} style={{ marginBottom: 16 }}>
          <ReceptionFields />
        </Card>
        <Card title={t('victims.reception.personSection')} style={{ marginBottom: 16 }}>
          <PersonFields prefix={['person']} testIdPrefix="person" receivedOn={receivedOnIso} />
        </Card>
        <Card title={t('victims.reception.companionsSection')} extra={t('victims.reception.companionsHelp')} style={{ marginBottom: 16 }}>
          <CompanionFields receivedOn={receivedOnIso} />
        </Card>
        {duplicate && <DuplicateAlert problem={duplicate} isSending={create.isPending} onConfirm={() => void send(true)} />}
        {unplaced.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="reception-errors"
            title={t('victims.reception.fixErrors')}
            description={unplaced.map((issue) => (
              <div key={`${issue.path}-${issue.message}`}>{issue.message}</div>
            ))}
          />
        )}
        <ErrorAlert error={failure} testId="reception-error" />
        <Space>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={create.isPending} data-testid="reception-submit">
            {t('victims.reception.submit')}
          </Button>
          <Link to="/victims">
            <Button data-testid="reception-cancel">{t('common.cancel')}</Button>
          </Link>
        </Space>
      </Form>
    </>
  );
}

export function VictimReceptionPage() {
  return (
    <PermissionGate permission="manage:victims">
      <VictimReception />
    </PermissionGate>
  );
}
