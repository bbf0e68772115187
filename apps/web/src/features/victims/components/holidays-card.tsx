import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, Popconfirm, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { useNotifyError } from '../../../components/use-notify-error.ts';
import { DATE_FORMAT, formatDate, toIsoDate } from '../../../lib/format.ts';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { useAddHoliday, useRemoveHoliday, type DeadlineSettings } from '../api/victims-api.ts';

type Holiday = DeadlineSettings['holidays'][number];

function HolidayModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ date?: Dayjs; name?: string }>();
  const add = useAddHoliday();
  const [failure, setFailure] = useState<unknown>(null);

  async function submit(values: { date?: Dayjs; name?: string }) {
    setFailure(null);
    try {
      await add.mutateAsync({ date: toIsoDate(values.date) ?? '', name: values.name?.trim() ?? '' });
      void message.success(t('common.saved'));
      onClose();
    } catch (error) {
      if (!applyServerErrors(form, error, ['date', 'name'])) setFailure(error);
    }
  }

  return (
    <FormModal
      title={t('victims.settings.addHoliday')}
      form={form}
      onClose={onClose}
      isSaving={add.isPending}
      submitTestId="holiday-submit"
    >
      <ErrorAlert error={failure} testId="holiday-error" />
      <Form form={form} layout="vertical" onFinish={submit} data-testid="holiday-form">
        <Form.Item
          name="date"
          label={t('victims.settings.holidayDate')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('victims.settings.holidayDate').toLowerCase() }) }]}
        >
          <DatePicker format={DATE_FORMAT} placeholder={t('common.dateFormatHint')} data-testid="holiday-date" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('victims.settings.holidayName')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('victims.settings.holidayName').toLowerCase() }) },
          ]}
        >
          <Input maxLength={200} placeholder={t('victims.settings.holidayNamePlaceholder')} data-testid="holiday-name" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/**
 * Non-working days beyond the fixed public holidays (Tết, Giỗ Tổ Hùng Vương, days off in lieu): the
 * working-day deadlines skip them. National managers add and remove them.
 */
export function HolidaysCard({ settings, isLoading }: { settings: DeadlineSettings | undefined; isLoading: boolean }) {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const remove = useRemoveHoliday();
  const [isAdding, setAdding] = useState(false);
  const canManage = settings?.canManage ?? false;

  return (
    <Card
      title={t('victims.settings.holidays')}
      extra={
        canManage && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="holiday-add">
            {t('victims.settings.addHoliday')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('victims.settings.holidaysHelp')}</Typography.Paragraph>
      <Table<Holiday>
        data-testid="holiday-table"
        rowKey="date"
        size="middle"
        loading={isLoading}
        dataSource={[...(settings?.holidays ?? [])].sort((a, b) => a.date.localeCompare(b.date))}
        pagination={false}
        locale={{ emptyText: t('victims.settings.noHolidays') }}
        onRow={(holiday) => ({ 'data-testid': `holiday-row-${holiday.date}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('victims.settings.holidayDate'), dataIndex: 'date', width: 140, render: (value: string) => formatDate(value) },
          { title: t('victims.settings.holidayName'), dataIndex: 'name' },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 120,
                  render: (_: unknown, holiday: Holiday) => (
                    <Popconfirm
                      title={t('victims.settings.removeHolidayConfirm', { date: formatDate(holiday.date) })}
                      okText={t('common.confirm')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ 'data-testid': 'holiday-remove-confirm' } as Record<string, string>}
                      onConfirm={async () => {
                        try {
                          await remove.mutateAsync(holiday.date);
                        } catch (error) {
                          notifyError(error);
                        }
                      }}
                    >
                      <Button size="small" danger icon={<DeleteOutlined />} data-testid={`holiday-remove-${holiday.date}`}>
                        {t('victims.settings.removeHoliday')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {isAdding && <HolidayModal onClose={() => setAdding(false)} />}
    </Card>
  );
}
