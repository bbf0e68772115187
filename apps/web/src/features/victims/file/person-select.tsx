import { PERSON_ROLE_LABELS, type VictimFileDetail } from '@atmis/domain';
import { Select } from 'antd';
import { pickLabel } from '../../../lib/i18n/index.ts';

type Person = VictimFileDetail['persons'][number];

/** "N.T.H.K. — Nạn nhân": a person of the file as every form names them (masked, with the role). */
export function personLabel(person: Person): string {
  return `${person.maskedName} — ${pickLabel(PERSON_ROLE_LABELS[person.role])}`;
}

/**
 * Picks a person of the file (masked names only). `filter` narrows the choice (e.g. only persons
 * under identification); a form item passes `value`/`onChange`. `allowClear` for an optional person
 * (a document or statement of the file as a whole): clearing gives null.
 */
export function PersonSelect({
  persons,
  value,
  onChange,
  filter,
  testId,
  id,
  allowClear = false,
  placeholder,
}: {
  persons: readonly Person[];
  value?: string | null | undefined;
  onChange?: (value: string) => void;
  filter?: (person: Person) => boolean;
  testId: string;
  id?: string;
  allowClear?: boolean;
  placeholder?: string;
}) {
  const options = persons.filter((person) => !filter || filter(person)).map((person) => ({ value: person.id, label: personLabel(person) }));
  return (
    <Select
      id={id}
      data-testid={testId}
      value={value ?? undefined}
      // A cleared select gives undefined: passed on as null (no person) for optional fields.
      onChange={(next: string | undefined) => onChange?.((next ?? null) as string)}
      options={options}
      allowClear={allowClear}
      placeholder={placeholder}
    />
  );
}
