import type { PlanImportView, UpdatePlanImportBody } from '@atmis/domain';
import { Form, Input, InputNumber, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { useUpdatePlanImport } from '../api/plan-imports-api.ts';
import { CELL_ITEM, ListEditorCard } from './list-editor-card.tsx';

type TargetInput = NonNullable<UpdatePlanImportBody['targets']>[number];
interface TargetRow {
  text: string;
  comparator: TargetInput['comparator'];
  value: number | null;
  unit: TargetInput['unit'];
  noun?: string | null;
  sectionPath?: string | null;
}

const COMPARATORS: TargetInput['comparator'][] = ['=', '>', '>=', '<', '<='];
const UNITS: TargetInput['unit'][] = ['%', 'count'];
const newTarget = (): TargetRow => ({ text: '', comparator: '>=', value: null, unit: '%', noun: null, sectionPath: null });

/** The numeric targets, editable as rows (text, comparator, value, unit); saving replaces the import's list. */
export function ImportTargetsEditor({ view, isEditable }: { view: PlanImportView; isEditable: boolean }) {
  const { t } = useTranslation();
  const update = useUpdatePlanImport(view.id);
  const initialRows: TargetRow[] = view.result.targets.map((target) => ({
    text: target.text,
    comparator: target.comparator,
    value: target.value,
    unit: target.unit,
    noun: target.noun,
    sectionPath: target.section,
  }));

  const valueRules = (index: number): Rule[] => [
    { required: true, type: 'number', message: t('planImport.valueRequired') },
    ({ getFieldValue }) => ({
      validator: (_, value: number | null) => {
        if (value === null || value === undefined) return Promise.resolve();
        const unit = getFieldValue(['targets', index, 'unit']) as TargetRow['unit'];
        if (unit === '%' && (value < 0 || value > 100)) return Promise.reject(new Error(t('planImport.percentRange')));
        if (unit === 'count' && value < 0) return Promise.reject(new Error(t('planImport.countRange')));
        return Promise.resolve();
      },
    }),
  ];

  return (
    <ListEditorCard<TargetRow>
      key={JSON.stringify(view.result.targets)}
      title={t('planImport.targets', { count: view.result.targets.length })}
      intro={t('planImport.targetsIntro')}
      name="targets"
      testId="import-targets-editor"
      initialRows={initialRows}
      newRow={newTarget}
      addLabel={t('planImport.addTarget')}
      saveLabel={t('planImport.saveTargets')}
      savedMessage={t('planImport.targetsSaved')}
      emptyText={t('plans.noTargets')}
      isEditable={isEditable}
      scrollX={980}
      onSave={(rows) =>
        update.mutateAsync({
          targets: rows.map((row) => ({
            text: row.text,
            comparator: row.comparator,
            value: row.value ?? 0,
            unit: row.unit,
            noun: row.unit === 'count' ? row.noun?.trim() || null : null,
            sectionPath: row.sectionPath?.trim() || null,
          })),
        })
      }
      columns={[
        {
          key: 'section',
          title: t('planImport.sectionPath'),
          width: 90,
          render: (field, index) => (
            <Form.Item {...CELL_ITEM} name={[field.name, 'sectionPath']} rules={[{ max: 50 }]}>
              <Input aria-label={t('planImport.sectionPath')} data-testid={`import-target-section-${index}`} />
            </Form.Item>
          ),
        },
        {
          key: 'text',
          title: t('planImport.targetText'),
          render: (field, index) => (
            <Form.Item
              {...CELL_ITEM}
              name={[field.name, 'text']}
              rules={[{ required: true, whitespace: true, message: t('planImport.targetTextRequired') }, { max: 2000 }]}
            >
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 4 }}
                aria-label={t('planImport.targetText')}
                data-testid={`import-target-text-${index}`}
              />
            </Form.Item>
          ),
        },
        {
          key: 'comparator',
          title: t('planImport.comparator'),
          width: 90,
          render: (field, index) => (
            <Form.Item {...CELL_ITEM} name={[field.name, 'comparator']}>
              <Select
                aria-label={t('planImport.comparator')}
                data-testid={`import-target-comparator-${index}`}
                options={COMPARATORS.map((value) => ({ value, label: t(`plans.comparators.${value}`) }))}
              />
            </Form.Item>
          ),
        },
        {
          key: 'value',
          title: t('planImport.value'),
          width: 120,
          render: (field, index) => (
            <Form.Item
              {...CELL_ITEM}
              name={[field.name, 'value']}
              dependencies={[['targets', field.name, 'unit']]}
              rules={valueRules(field.name)}
            >
              <InputNumber
                style={{ width: '100%' }}
                decimalSeparator=","
                aria-label={t('planImport.value')}
                data-testid={`import-target-value-${index}`}
              />
            </Form.Item>
          ),
        },
        {
          key: 'unit',
          title: t('planImport.unit'),
          width: 140,
          render: (field, index) => (
            <Form.Item {...CELL_ITEM} name={[field.name, 'unit']}>
              <Select
                aria-label={t('planImport.unit')}
                data-testid={`import-target-unit-${index}`}
                options={UNITS.map((value) => ({ value, label: t(`planImport.units.${value}`) }))}
              />
            </Form.Item>
          ),
        },
        {
          key: 'noun',
          title: t('planImport.noun'),
          width: 130,
          render: (field, index) => (
            <Form.Item noStyle dependencies={[['targets', field.name, 'unit']]}>
              {({ getFieldValue }) => (
                <Form.Item {...CELL_ITEM} name={[field.name, 'noun']} rules={[{ max: 100 }]}>
                  <Input
                    disabled={!isEditable || getFieldValue(['targets', field.name, 'unit']) !== 'count'}
                    placeholder={t('planImport.nounPlaceholder')}
                    aria-label={t('planImport.noun')}
                    data-testid={`import-target-noun-${index}`}
                  />
                </Form.Item>
              )}
            </Form.Item>
          ),
        },
      ]}
    />
  );
}
