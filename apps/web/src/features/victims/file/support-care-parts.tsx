import { PERSON_ROLE_LABELS, type VictimFileDetail } from '@atmis/domain';
import { Alert, InputNumber, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/auth/use-me.ts';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';
import { personLabel } from './person-select.tsx';
import { parseVnd } from './support-rules.ts';

/**
 * Pieces shared by the care tabs (consents, referrals, support and stays, follow-up, repatriation):
 * who may record what, the closed-file notice, section headings, person names, money.
 */

/** Options of a domain code list, labelled in the UI language. */
export function codeOptions<T extends string>(codes: readonly T[], labels: Readonly<Record<T, { vi: string; en: string }>>) {
  return codes.map((code) => ({ value: code, label: pickLabel(labels[code]) }));
}

export interface CareFlags {
  isClosed: boolean;
  /** Consents, follow-up visits: either manage permission on the file. */
  canRecord: boolean;
  /** Sending referrals: a manager of the file itself (never through a referral). */
  canRefer: boolean;
  /**
   * Support and stays: manage:support on the file, or the receiving agency of an active referral
   * holding manage:support (the file then reads `access: 'referral'`); the server decides per person.
   */
  canRecordSupport: boolean;
  /** Repatriation: either manage permission (the section is never shown through a referral). */
  canRepatriate: boolean;
}

/** The add buttons a reader gets, from the server's flags; none on a closed file. */
export function useCareFlags(file: VictimFileDetail): CareFlags {
  const holdsManageSupport = useCan('manage:support');
  const isClosed = file.status === 'closed';
  const canManageEither = file.canManage || file.canManageSupport;
  return {
    isClosed,
    canRecord: !isClosed && canManageEither,
    canRefer: !isClosed && file.access === 'file' && canManageEither,
    canRecordSupport: !isClosed && (file.canManageSupport || (file.access === 'referral' && holdsManageSupport)),
    canRepatriate: !isClosed && canManageEither,
  };
}

/** Said once at the top of a care tab when the file is closed (the server refuses new records with 409). */
export function ClosedFileNotice({ file }: { file: VictimFileDetail }) {
  const { t } = useTranslation();
  if (file.status !== 'closed') return null;
  const date = file.closure ? t('victimCare.common.closedOnDate', { date: formatDate(file.closure.closedOn) }) : '';
  return (
    <Alert
      type="info"
      showIcon
      title={t('victimCare.common.fileClosed', { date })}
      style={{ marginBottom: 12 }}
      data-testid="care-file-closed"
    />
  );
}

/** A section of a care tab: its title and, on the right, the add button when allowed. */
export function CareSection({
  title,
  action,
  children,
  testId,
}: {
  title: ReactNode;
  action?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section data-testid={testId} style={{ marginBottom: 24 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {action}
      </Space>
      {children}
    </section>
  );
}

/** "N.T.H.K. — Nạn nhân", or a dash for a person the reader does not see. */
export function personNameOf(file: VictimFileDetail, personId: string | null): string {
  const person = personId ? file.persons.find((candidate) => candidate.id === personId) : undefined;
  return person ? personLabel(person) : '—';
}

/** A person in a table: the masked name, and the role below it (the whole label reads in one line elsewhere). */
export function PersonCell({ file, personId, fallback }: { file: VictimFileDetail; personId: string | null; fallback?: string }) {
  const person = personId ? file.persons.find((candidate) => candidate.id === personId) : undefined;
  if (!person) return <>{fallback ?? '—'}</>;
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text strong>{person.maskedName}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {pickLabel(PERSON_ROLE_LABELS[person.role])}
      </Typography.Text>
    </Space>
  );
}

/** Width of the person column of the care tables. */
export const PERSON_COLUMN_WIDTH = 190;

export function OverdueTag({ testId }: { testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color="red" data-testid={testId}>
      {t('victimCare.common.overdue')}
    </Tag>
  );
}

/** "1.500.000 đ": whole đồng with the thousands separators of the UI language. */
export function useFormatVnd(): (amount: number | null | undefined) => string {
  const { t, i18n } = useTranslation();
  return (amount) =>
    amount === null || amount === undefined ? '' : t('victimCare.support.vnd', { amount: formatNumber(amount, i18n.language) });
}

/** An amount in whole đồng, shown with the thousands separators of the UI language as it is typed. */
export function VndInput({
  value,
  onChange,
  testId,
  id,
}: {
  value?: number | null;
  onChange?: (value: number | null) => void;
  testId: string;
  id?: string;
}) {
  const { i18n } = useTranslation();
  // The test id is on a wrapper: InputNumber puts it on the input itself or on its affix wrapper,
  // depending on the suffix; tests reach the input inside.
  return (
    <span data-testid={testId} style={{ display: 'inline-block' }}>
      <InputNumber<number>
        id={id}
        value={value ?? null}
        onChange={(next) => onChange?.(next ?? null)}
        min={0}
        max={1_000_000_000_000}
        precision={0}
        suffix="đ"
        style={{ width: 220 }}
        // While typing the formatter gets the text as typed ("1.500.0001"): read its digits, not Number().
        formatter={(raw) => {
          const amount = parseVnd(raw === undefined || raw === null ? '' : String(raw));
          return amount === null ? '' : formatNumber(amount, i18n.language);
        }}
        // An empty field is '' (no amount), not 0.
        parser={(text) => (parseVnd(text) ?? '') as number}
      />
    </span>
  );
}
