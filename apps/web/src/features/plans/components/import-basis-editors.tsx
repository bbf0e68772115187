import type { PlanImportView } from '@atmis/domain';
import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, toIsoDate } from '../../../lib/format.ts';
import { useUpdatePlanImport } from '../api/plan-imports-api.ts';
import { CELL_ITEM, type ListEditorColumn, ListEditorCard } from './list-editor-card.tsx';

const day = (value: string | null) => (value ? dayjs(value, 'YYYY-MM-DD') : null);
const blankToNull = (value: string | null | undefined) => value?.trim() || null;

interface LegalRow {
  kind: string;
  number?: string | null;
  date?: Dayjs | null;
  issuer?: string | null;
  title?: string | null;
}
interface PhaseRow {
  label: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

/** A text cell of a list editor. */
function textColumn(
  key: string,
  title: string,
  testId: string,
  max: number,
  options: { width?: number; requiredMessage?: string; placeholder?: string; multiline?: boolean } = {},
): ListEditorColumn {
  return {
    key,
    title,
    width: options.width,
    render: (field, index) => (
      <Form.Item
        {...CELL_ITEM}
        name={[field.name, key]}
        rules={[...(options.requiredMessage ? [{ required: true, whitespace: true, message: options.requiredMessage }] : []), { max }]}
      >
        {options.multiline ? (
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} aria-label={title} data-testid={`${testId}-${index}`} />
        ) : (
          <Input aria-label={title} placeholder={options.placeholder} data-testid={`${testId}-${index}`} />
        )}
      </Form.Item>
    ),
  };
}

function dateColumn(key: string, title: string, testId: string): ListEditorColumn {
  return {
    key,
    title,
    width: 150,
    render: (field, index) => (
      <Form.Item {...CELL_ITEM} name={[field.name, key]}>
        <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" aria-label={title} data-testid={`${testId}-${index}`} />
      </Form.Item>
    ),
  };
}

/** "Căn cứ": the documents the plan implements (type, number, date, issuer, title); saving replaces the list. */
export function ImportLegalBasisEditor({ view, isEditable }: { view: PlanImportView; isEditable: boolean }) {
  const { t } = useTranslation();
  const update = useUpdatePlanImport(view.id);
  const refs = view.result.legalBasis;
  return (
    <ListEditorCard<LegalRow>
      key={JSON.stringify(refs)}
      title={t('planImport.legalBasisTitle', { count: refs.length })}
      name="legalBasis"
      testId="import-legal-basis-editor"
      initialRows={refs.map((ref) => ({ ...ref, date: day(ref.date) }))}
      newRow={() => ({ kind: '', number: null, date: null, issuer: null, title: null })}
      addLabel={t('planImport.addLegalBasis')}
      saveLabel={t('planImport.saveLegalBasis')}
      savedMessage={t('planImport.legalBasisSaved')}
      emptyText={t('plans.noLegalBasis')}
      isEditable={isEditable}
      scrollX={1000}
      onSave={(rows) =>
        update.mutateAsync({
          legalBasis: rows.map((row) => ({
            kind: row.kind,
            number: blankToNull(row.number),
            date: toIsoDate(row.date) ?? null,
            issuer: blankToNull(row.issuer),
            title: blankToNull(row.title),
          })),
        })
      }
      columns={[
        textColumn('kind', t('planImport.refKind'), 'import-legal-kind', 100, {
          width: 150,
          requiredMessage: t('planImport.refKindRequired'),
          placeholder: t('planImport.refKindPlaceholder'),
        }),
        textColumn('number', t('planImport.refNumber'), 'import-legal-number', 100, { width: 150, placeholder: '193/QĐ-TTg' }),
        dateColumn('date', t('planImport.refDate'), 'import-legal-date'),
        textColumn('issuer', t('planImport.refIssuer'), 'import-legal-issuer', 300, { width: 200 }),
        textColumn('title', t('planImport.refTitle'), 'import-legal-title', 1000, { multiline: true }),
      ]}
    />
  );
}

/** "Lộ trình": the phases of the plan with their dates; saving replaces the list. */
export function ImportPhasesEditor({ view, isEditable }: { view: PlanImportView; isEditable: boolean }) {
  const { t } = useTranslation();
  const update = useUpdatePlanImport(view.id);
  const phases = view.result.phases;
  return (
    <ListEditorCard<PhaseRow>
      key={JSON.stringify(phases)}
      title={t('planImport.phasesTitle', { count: phases.length })}
      name="phases"
      testId="import-phases-editor"
      initialRows={phases.map((phase) => ({ label: phase.label, from: day(phase.from), to: day(phase.to) }))}
      newRow={() => ({ label: '', from: null, to: null })}
      addLabel={t('planImport.addPhase')}
      saveLabel={t('planImport.savePhases')}
      savedMessage={t('planImport.phasesSaved')}
      emptyText={t('plans.noPhases')}
      isEditable={isEditable}
      onSave={(rows) =>
        update.mutateAsync({
          phases: rows.map((row) => ({ label: row.label, from: toIsoDate(row.from) ?? null, to: toIsoDate(row.to) ?? null })),
        })
      }
      columns={[
        textColumn('label', t('planImport.phaseLabel'), 'import-phase-label', 300, { requiredMessage: t('planImport.phaseLabelRequired') }),
        dateColumn('from', t('planImport.phaseFrom'), 'import-phase-from'),
        {
          ...dateColumn('to', t('planImport.phaseTo'), 'import-phase-to'),
          render: (field, index) => (
            <Form.Item
              {...CELL_ITEM}
              name={[field.name, 'to']}
              dependencies={[['phases', field.name, 'from']]}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value: Dayjs | null | undefined) => {
                    const from = getFieldValue(['phases', field.name, 'from']) as Dayjs | null | undefined;
                    return !value || !from || !value.isBefore(from, 'day')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('planImport.phaseOrder')));
                  },
                }),
              ]}
            >
              <DatePicker
                format={DATE_FORMAT}
                placeholder="dd/mm/yyyy"
                aria-label={t('planImport.phaseTo')}
                data-testid={`import-phase-to-${index}`}
              />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}
