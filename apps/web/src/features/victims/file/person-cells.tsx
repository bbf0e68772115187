import { InfoCircleOutlined } from '@ant-design/icons';
import { AGE_BAND_LABELS, PERSON_ROLE_LABELS, SEX_LABELS, type VictimFileDetail } from '@atmis/domain';
import { Space, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../lib/countries.ts';
import { formatDate } from '../../../lib/format.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';
import type { RevealResult } from '../api/victims-api.ts';

export type Person = VictimFileDetail['persons'][number];
export type RevealedPerson = RevealResult['persons'][number];

/** A language code in the UI language ("zh" → "Tiếng Trung"), the code itself when unknown. */
export function languageName(code: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage === 'en' ? 'en' : 'vi'], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * One identifying value: the revealed plaintext (marked, with its test id) when the field was
 * revealed for this person, else the masked form the server sent.
 */
function Shown({
  field,
  position,
  revealed,
  masked,
}: {
  field: string;
  position: number;
  revealed: RevealedPerson | undefined;
  masked: ReactNode;
}) {
  const { t } = useTranslation();
  if (!revealed || !(field in revealed)) return <>{masked}</>;
  const value = (revealed as Record<string, unknown>)[field];
  let text: string;
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) text = t('victimFile.reveal.empty');
  else if (field === 'dateOfBirth') text = formatDate(String(value));
  else if (field === 'otherNames') text = (value as string[]).join(', ');
  else if (field === 'guardian') {
    const guardian = value as { fullName: string; relationship: string; phone: string | null };
    text = [guardian.fullName, guardian.relationship, guardian.phone].filter(Boolean).join(' — ');
  } else text = String(value);
  return (
    <Typography.Text mark data-testid={`revealed-${field}-${position}`}>
      {text}
    </Typography.Text>
  );
}

export function NameCell({ person, revealed }: { person: Person; revealed: RevealedPerson | undefined }) {
  const { t } = useTranslation();
  const masked = <span data-testid={`person-masked-name-${person.position}`}>{person.maskedName}</span>;
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text strong>
        <Shown field="fullName" position={person.position} revealed={revealed} masked={masked} />
      </Typography.Text>
      {revealed && 'otherNames' in revealed && (
        <span>
          {t('victimFile.persons.otherNames')}
          {': '}
          <Shown field="otherNames" position={person.position} revealed={revealed} masked={null} />
        </span>
      )}
      {person.relationship && (
        <Typography.Text type="secondary">{t('victimFile.persons.relationship', { value: person.relationship })}</Typography.Text>
      )}
      <Tag style={{ marginTop: 4, whiteSpace: 'normal', height: 'auto' }}>{pickLabel(PERSON_ROLE_LABELS[person.role])}</Tag>
    </Space>
  );
}

export function AgeCell({ person, revealed }: { person: Person; revealed: RevealedPerson | undefined }) {
  const { t } = useTranslation();
  const year = person.birthYear ? t('victimFile.persons.birthYear', { year: person.birthYear }) : null;
  return (
    <Space orientation="vertical" size={2}>
      <span>{pickLabel(SEX_LABELS[person.sex])}</span>
      <Shown field="dateOfBirth" position={person.position} revealed={revealed} masked={year} />
      <Typography.Text type="secondary">{pickLabel(AGE_BAND_LABELS[person.ageBand])}</Typography.Text>
      {person.ageUncertain && <Typography.Text type="secondary">{t('victimFile.persons.ageUncertain')}</Typography.Text>}
      {person.treatedAsChild && (
        <Tooltip title={person.ageUncertain ? t('victimFile.persons.childUncertain') : t('victimFile.persons.childKnown')}>
          <Tag color="magenta" icon={<InfoCircleOutlined />} tabIndex={0} data-testid={`person-child-${person.position}`}>
            {t('victimFile.persons.child')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}

export function PapersCell({ person, revealed }: { person: Person; revealed: RevealedPerson | undefined }) {
  const { t, i18n } = useTranslation();
  const none = t('victimFile.none');
  return (
    <Space orientation="vertical" size={2}>
      <span>
        {t('victimFile.persons.citizenship')}: {countryName(person.citizenship, i18n.language)}
      </span>
      <span>
        {t('victimFile.persons.citizenId')}
        {': '}
        <Shown field="citizenId" position={person.position} revealed={revealed} masked={person.citizenIdMasked ?? none} />
      </span>
      <span>
        {t('victimFile.persons.passport')}
        {': '}
        <Shown field="passportNumber" position={person.position} revealed={revealed} masked={person.passportMasked ?? none} />
      </span>
    </Space>
  );
}

export function ContactCell({ person, revealed }: { person: Person; revealed: RevealedPerson | undefined }) {
  const { t } = useTranslation();
  const none = t('victimFile.none');
  return (
    <Space orientation="vertical" size={2}>
      <span>{person.homeOrgUnitName ?? person.homeOrgUnitId ?? none}</span>
      <Shown
        field="homeAddress"
        position={person.position}
        revealed={revealed}
        masked={person.hasHomeAddress ? <Typography.Text type="secondary">{t('victimFile.persons.hasAddress')}</Typography.Text> : null}
      />
      <span>
        {t('victimFile.persons.phone')}
        {': '}
        <Shown field="phone" position={person.position} revealed={revealed} masked={person.phoneMasked ?? none} />
      </span>
    </Space>
  );
}

export function GuardianCell({ person, revealed }: { person: Person; revealed: RevealedPerson | undefined }) {
  const { t } = useTranslation();
  const guardian = person.guardian;
  const masked = guardian
    ? [guardian.maskedName, guardian.relationship, guardian.phoneMasked].filter(Boolean).join(' — ')
    : t('victimFile.none');
  return <Shown field="guardian" position={person.position} revealed={revealed} masked={masked} />;
}
