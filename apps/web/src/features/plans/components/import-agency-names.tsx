import { foldVietnamese, type AgencyMatch } from '@atmis/domain';
import { Select, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface NameOption {
  value: string;
  label: React.ReactNode;
}

/** The names the reviewer may pick: every name of the import, with the registry agency it maps to. */
export function nameOptionsOf(matches: AgencyMatch[], unmatchedLabel: string): NameOption[] {
  return matches.map((match) => ({
    value: match.name,
    label: (
      <span>
        {match.name}
        <Typography.Text type={match.agencyId ? 'secondary' : 'danger'} style={{ fontSize: 12 }}>
          {` → ${match.agencyName ?? unmatchedLabel}`}
        </Typography.Text>
      </span>
    ),
  }));
}

/** Agency names as tags; names without a registry agency in red. */
export function AgencyNames({ names, unmatched, color }: { names: string[]; unmatched: Set<string>; color?: string }) {
  if (names.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={[0, 4]} wrap>
      {names.map((name) => (
        <Tag key={name} color={unmatched.has(name) ? 'red' : color} style={{ whiteSpace: 'normal' }}>
          {name}
        </Tag>
      ))}
    </Space>
  );
}

const sameNames = (a: string[], b: string[]) => a.length === b.length && a.every((name, index) => name === b[index]);

/**
 * Agency names of one task role, editable as tags: pick a name the import already knows or type a
 * new one (Enter). The change is saved when the list closes (Esc) or the field loses focus; the
 * server matches new names to the registry.
 */
export function AgencyNamesInput({
  names,
  options,
  unmatched,
  color,
  onSave,
  testId,
  ariaLabel,
}: {
  names: string[];
  options: NameOption[];
  unmatched: Set<string>;
  color?: string;
  /** Saves the names; resolves false when the save failed (the draft stays for another try). */
  onSave: (names: string[]) => Promise<boolean>;
  testId: string;
  ariaLabel: string;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string[] | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const inFlight = useRef(false);

  async function commit() {
    if (!draft || inFlight.current) return;
    const cleaned = [...new Set(draft.map((name) => name.trim()).filter(Boolean))];
    if (sameNames(cleaned, names)) {
      setDraft(null);
      return;
    }
    inFlight.current = true;
    setIsSaving(true);
    try {
      if (await onSave(cleaned)) setDraft(null);
    } finally {
      inFlight.current = false;
      setIsSaving(false);
    }
  }

  return (
    <Select<string[]>
      mode="tags"
      size="small"
      value={draft ?? names}
      onChange={(next) => setDraft(next)}
      onBlur={() => void commit()}
      onOpenChange={(open) => {
        if (!open) void commit();
      }}
      options={options}
      loading={isSaving}
      disabled={isSaving}
      tokenSeparators={[';']}
      placeholder={t('planImport.agencyNamesPlaceholder')}
      aria-label={ariaLabel}
      data-testid={testId}
      data-names={(draft ?? names).join('|')}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
      showSearch={{ filterOption: (input, option) => foldVietnamese(String(option?.value ?? '')).includes(foldVietnamese(input)) }}
      tagRender={({ value, closable, onClose }) => (
        <Tag
          color={unmatched.has(String(value)) ? 'red' : color}
          closable={closable}
          onClose={onClose}
          onMouseDown={(event) => event.preventDefault()}
          style={{ whiteSpace: 'normal', marginInlineEnd: 4, marginBlock: 2 }}
        >
          {String(value)}
        </Tag>
      )}
    />
  );
}
