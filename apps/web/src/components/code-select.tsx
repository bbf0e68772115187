import { foldVietnamese } from '@atmis/domain';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { countryOptions } from '../lib/countries.ts';
import { pickLabel } from '../lib/i18n/index.ts';

type Label = { vi: string; en: string };

/** Accent-insensitive matching of what is typed against an option's label ("tre em" finds "Trẻ em đi cùng"). */
export function matchesLabel(input: string, label: unknown): boolean {
  const words = foldVietnamese(input).trim().split(/\s+/).filter(Boolean);
  const folded = foldVietnamese(String(label ?? ''));
  return words.every((word) => folded.includes(word));
}

/** Options of a domain code list in the current language, in the list's own order. */
export function codeOptions<T extends string>(codes: readonly T[], labels: Readonly<Record<T, Label>>) {
  return codes.map((code) => ({ value: code, label: pickLabel(labels[code], code) }));
}

interface CodeSelectProps<T extends string> {
  codes: readonly T[];
  labels: Readonly<Record<T, Label>>;
  value?: T | T[] | null | undefined;
  onChange?: (value: T | T[] | undefined) => void;
  multiple?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  testId: string;
  id?: string;
  style?: React.CSSProperties;
}

/**
 * A select of one of the domain's code lists (`*_CODES` with `*_LABELS`), searchable without
 * accents. A Form.Item control (value/onChange/id).
 */
export function CodeSelect<T extends string>({
  codes,
  labels,
  value,
  onChange,
  multiple = false,
  allowClear = false,
  placeholder,
  testId,
  id,
  style,
}: CodeSelectProps<T>) {
  return (
    <Select<T | T[]>
      id={id}
      data-testid={testId}
      mode={multiple ? 'multiple' : undefined}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? undefined)}
      options={codeOptions(codes, labels)}
      showSearch={{ filterOption: (input, option) => matchesLabel(input, option?.label) }}
      allowClear={allowClear}
      placeholder={placeholder}
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
    />
  );
}

/** A country by its ISO 3166 code, named in the UI language ("Trung Quốc (CN)"); typing "trung" or "CN" finds it. */
export function CountrySelect({
  value,
  onChange,
  allowClear = true,
  placeholder,
  testId,
  id,
}: {
  value?: string | null | undefined;
  onChange?: (value: string | null) => void;
  allowClear?: boolean;
  placeholder?: string;
  testId: string;
  id?: string;
}) {
  const { i18n } = useTranslation();
  return (
    <Select<string>
      id={id}
      data-testid={testId}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={countryOptions(i18n.language)}
      showSearch={{ filterOption: (input, option) => matchesLabel(input, option?.label) }}
      allowClear={allowClear}
      placeholder={placeholder}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}
