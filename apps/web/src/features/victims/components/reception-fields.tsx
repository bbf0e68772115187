import { RECEPTION_WAY_LABELS, RECEPTION_WAYS, SUPPORT_TYPE_LABELS, SUPPORT_TYPES } from '@atmis/domain';
import { Checkbox, Col, DatePicker, Form, Input, Row } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { AgencySelect } from '../../../components/agency-select.tsx';
import { DATE_FORMAT } from '../../../lib/format.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';
import { CodeSelect, CountrySelect } from '../../../components/code-select.tsx';

/**
 * The reception facts (Điều 27 Luật PCMBN 2024: who received the person, when, where, how, from which
 * country and through which border gate, the first essential support and the needs), under `reception`.
 * `showNeeds` false leaves the needs out (a correction by a reader who may not see them keeps them).
 */
export function ReceptionFields({ showNeeds = true }: { showNeeds?: boolean } = {}) {
  const { t } = useTranslation();
  const name = (field: string) => ['reception', field];
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item
            name={name('receivedOn')}
            label={t('victims.reception.receivedOn')}
            rules={[{ required: true, message: t('common.requiredSelect', { field: t('victims.reception.receivedOn').toLowerCase() }) }]}
          >
            <DatePicker
              format={[DATE_FORMAT, 'D/M/YYYY', 'DDMMYYYY']}
              placeholder={t('common.dateFormatHint')}
              disabledDate={(date) => date.isAfter(dayjs(), 'day')}
              data-testid="reception-received-on"
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={10}>
          <Form.Item
            name={name('way')}
            label={t('victims.reception.way')}
            rules={[{ required: true, message: t('common.requiredSelect', { field: t('victims.reception.way').toLowerCase() }) }]}
          >
            <CodeSelect codes={RECEPTION_WAYS} labels={RECEPTION_WAY_LABELS} testId="reception-way" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Form.Item name={name('fromCountry')} label={t('victims.reception.fromCountry')}>
            <CountrySelect testId="reception-from-country" placeholder={t('victims.reception.fromCountryPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Form.Item name={name('borderGate')} label={t('victims.reception.borderGate')}>
            <Input maxLength={200} data-testid="reception-border-gate" />
          </Form.Item>
        </Col>
        <Col xs={24} lg={16}>
          <Form.Item name={name('place')} label={t('victims.reception.place')}>
            <Input maxLength={500} data-testid="reception-place" />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Form.Item
            name={name('receivedByName')}
            label={t('victims.reception.receivedByName')}
            tooltip={t('victims.reception.receivedByNameHelp')}
          >
            <Input maxLength={300} data-testid="reception-received-by-name" />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Form.Item name={name('receivedByAgencyId')} label={t('victims.reception.receivedByAgency')}>
            <AgencySelect testId="reception-received-by-agency" />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Form.Item name={name('receivingOfficer')} label={t('victims.reception.officer')}>
            <Input maxLength={200} data-testid="reception-officer" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name={name('initialSupport')}
        label={t('victims.reception.initialSupport')}
        tooltip={t('victims.reception.initialSupportHelp')}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} showCount data-testid="reception-initial-support" />
      </Form.Item>
      {showNeeds && (
        <Form.Item name={name('needs')} label={t('victims.reception.needs')} initialValue={[]}>
          <Checkbox.Group style={{ width: '100%' }}>
            <Row gutter={[8, 4]}>
              {SUPPORT_TYPES.map((type) => (
                <Col key={type} xs={24} sm={12} lg={8}>
                  <Checkbox value={type} data-testid={`reception-need-${type}`}>
                    {pickLabel(SUPPORT_TYPE_LABELS[type])}
                  </Checkbox>
                </Col>
              ))}
            </Row>
          </Checkbox.Group>
        </Form.Item>
      )}
    </>
  );
}
