import { InfoCircleOutlined } from '@ant-design/icons';
import { isTreatedAsChild, SEX_LABELS, SEXES } from '@atmis/domain';
import { vietnamToday } from '@atmis/domain/plans/task-timing';
import { AutoComplete, Alert, Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { OrgUnitSelect, type OrgUnitOption } from '../../../components/org-unit-select.tsx';
import { DATE_FORMAT } from '../../../lib/format.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';
import { CountrySelect } from '../../../components/code-select.tsx';
import { NumberField } from '../../../components/number-field.tsx';
import { ageFactsOf, type PersonFormValues } from './person-values.ts';

export { fromPersonInput, toPersonInput, type PersonFormValues, type PersonPayload, type PersonSource } from './person-values.ts';

type NamePath = (string | number)[];

/** Dates typed by hand: 14/03/1998, 14/3/1998, 14031998 (the first is how it is shown). */
const TYPED_DATE_FORMATS = [DATE_FORMAT, 'D/M/YYYY', 'DDMMYYYY'];

/** Languages officers meet most often at reception; any other ISO 639 code may be typed. */
const COMMON_LANGUAGES = ['vi', 'en', 'zh', 'km', 'lo', 'th', 'ko', 'ja', 'ms', 'id', 'my', 'ru', 'hmn'];

function languageOptions(uiLanguage: string) {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([uiLanguage === 'en' ? 'en' : 'vi'], { type: 'language', fallback: 'code' });
  } catch {
    names = null;
  }
  return COMMON_LANGUAGES.map((code) => ({ value: code, label: `${code} — ${names?.of(code) ?? code}` }));
}

/** Sets the hidden "estimated on" date whenever the officer types an estimate, so the estimate ages correctly. */
function EstimatedAgeInput({
  value,
  onChange,
  onEstimate,
  testId,
  id,
}: {
  value?: number | null;
  onChange?: (value: number | null) => void;
  onEstimate: (value: number | null) => void;
  testId: string;
  id?: string;
}) {
  return (
    <NumberField
      id={id}
      value={value ?? null}
      min={0}
      max={120}
      onChange={(next) => {
        onChange?.(next);
        onEstimate(next);
      }}
      testId={testId}
    />
  );
}

/**
 * The antd Form.Item fields of one person (identity, age, origin, contact, guardian), nested under
 * the form path `prefix` (e.g. `['person']` or `['companions', 0, 'person']`). Inside a Form.List the
 * items' own names are relative to the list: pass `fieldPrefix` (e.g. `[field.name, 'person']`) for
 * them and keep `prefix` absolute (it is watched for the "treated as a child" tag).
 *
 * `receivedOn` (YYYY-MM-DD) is the day an estimated age refers to (the reception); today when absent.
 * `homeUnitOptions` names an already chosen home unit (e.g. when correcting) before any search.
 * The server validates everything; its Vietnamese messages land under these fields (form-errors.ts).
 */
export function PersonFields({
  prefix,
  fieldPrefix = prefix,
  testIdPrefix,
  receivedOn,
  homeUnitOptions,
}: {
  prefix: NamePath;
  fieldPrefix?: NamePath;
  testIdPrefix: string;
  receivedOn?: string | undefined;
  homeUnitOptions?: OrgUnitOption[];
}) {
  const { t, i18n } = useTranslation();
  const form = Form.useFormInstance();
  const values = Form.useWatch<PersonFormValues | undefined>(prefix, { form, preserve: true });
  const today = vietnamToday(new Date());
  const isChild = isTreatedAsChild(ageFactsOf(values), today);
  const hasGuardian = Boolean(values?.guardian?.fullName?.trim());
  const name = (...path: NamePath) => [...fieldPrefix, ...path];
  const testId = (suffix: string) => `${testIdPrefix}-${suffix}`;

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name={name('fullName')}
            label={t('victims.person.fullName')}
            rules={[
              { required: true, whitespace: true, message: t('common.required', { field: t('victims.person.fullName').toLowerCase() }) },
            ]}
          >
            <Input maxLength={120} autoComplete="off" data-testid={testId('full-name')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={name('otherNames')}
            label={t('victims.person.otherNames')}
            tooltip={t('victims.person.otherNamesHelp')}
            initialValue={[]}
          >
            <Select
              mode="tags"
              open={false}
              suffixIcon={null}
              tokenSeparators={[',', ';']}
              maxCount={10}
              data-testid={testId('other-names')}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name={name('sex')}
        label={t('victims.person.sex')}
        rules={[{ required: true, message: t('common.requiredSelect', { field: t('victims.person.sex').toLowerCase() }) }]}
      >
        <Radio.Group>
          {SEXES.map((sex) => (
            <Radio key={sex} value={sex} data-testid={testId(`sex-${sex}`)}>
              {pickLabel(SEX_LABELS[sex])}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
        {t('victims.person.ageHint')}
      </Typography.Text>
      <Row gutter={16} align="bottom">
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name={name('dateOfBirth')} label={t('victims.person.dateOfBirth')}>
            <DatePicker
              format={TYPED_DATE_FORMATS}
              placeholder={t('common.dateFormatHint')}
              disabledDate={(date) => date.isAfter(dayjs(), 'day')}
              data-testid={testId('date-of-birth')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6} lg={4}>
          <Form.Item name={name('birthYear')} label={t('victims.person.birthYear')}>
            <NumberField min={1900} max={2100} testId={testId('birth-year')} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6} lg={4}>
          <Form.Item name={name('estimatedAge')} label={t('victims.person.estimatedAge')} tooltip={t('victims.person.estimatedAgeHelp')}>
            <EstimatedAgeInput
              testId={testId('estimated-age')}
              onEstimate={(estimate) => form.setFieldValue([...prefix, 'ageEstimatedOn'], estimate === null ? null : (receivedOn ?? today))}
            />
          </Form.Item>
          <Form.Item name={name('ageEstimatedOn')} hidden>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} lg={10}>
          {/* A blank label keeps the checkbox on the line of the boxes beside it. */}
          <Form.Item label={<span aria-hidden>&nbsp;</span>} colon={false}>
            <Space size={8} wrap>
              <Form.Item name={name('ageUncertain')} valuePropName="checked" initialValue={false} noStyle>
                <Checkbox data-testid={testId('age-uncertain')}>{t('victims.person.ageUncertain')}</Checkbox>
              </Form.Item>
              {isChild && (
                <Tooltip title={t('victims.person.treatedAsChildHelp')}>
                  <Tag color="magenta" icon={<InfoCircleOutlined />} data-testid={testId('treated-as-child')} tabIndex={0}>
                    {t('victims.person.treatedAsChild')}
                  </Tag>
                </Tooltip>
              )}
            </Space>
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item name={name('ethnicity')} label={t('victims.person.ethnicity')}>
            <Input maxLength={60} placeholder={t('victims.person.ethnicityPlaceholder')} data-testid={testId('ethnicity')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name={name('citizenship')} label={t('victims.person.citizenship')} initialValue="VN">
            <CountrySelect allowClear={false} testId={testId('citizenship')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            name={name('language')}
            label={t('victims.person.language')}
            tooltip={t('victims.person.languageHelp')}
            initialValue="vi"
          >
            <AutoComplete options={languageOptions(i18n.language)} data-testid={testId('language')} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item name={name('citizenId')} label={t('victims.person.citizenId')} tooltip={t('victims.person.citizenIdHelp')}>
            <Input maxLength={20} inputMode="numeric" autoComplete="off" data-testid={testId('citizen-id')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name={name('passportNumber')} label={t('victims.person.passport')}>
            <Input maxLength={20} autoComplete="off" data-testid={testId('passport')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name={name('phone')} label={t('victims.person.phone')} tooltip={t('victims.person.phoneHelp')}>
            <Input maxLength={40} inputMode="tel" autoComplete="off" data-testid={testId('phone')} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item name={name('homeOrgUnitId')} label={t('victims.person.homeUnit')} tooltip={t('victims.person.homeUnitHelp')}>
            <OrgUnitSelect era="all" allowClear knownOptions={homeUnitOptions} testId={testId('home-unit')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item name={name('homeAddress')} label={t('victims.person.homeAddress')}>
            <Input maxLength={500} autoComplete="off" data-testid={testId('home-address')} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
        {t('victims.person.guardian')}
      </Typography.Text>
      {isChild && !hasGuardian && (
        <Alert
          type="info"
          showIcon
          title={t('victims.person.guardianHint')}
          style={{ marginBottom: 12 }}
          data-testid={testId('guardian-hint')}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} sm={10}>
          <Form.Item name={name('guardian', 'fullName')} label={t('victims.person.guardianName')}>
            <Input maxLength={120} autoComplete="off" data-testid={testId('guardian-name')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={7}>
          <Form.Item name={name('guardian', 'relationship')} label={t('victims.person.guardianRelationship')}>
            <Input
              maxLength={60}
              placeholder={t('victims.person.guardianRelationshipPlaceholder')}
              data-testid={testId('guardian-relationship')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={7}>
          <Form.Item name={name('guardian', 'phone')} label={t('victims.person.guardianPhone')}>
            <Input maxLength={40} inputMode="tel" autoComplete="off" data-testid={testId('guardian-phone')} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
