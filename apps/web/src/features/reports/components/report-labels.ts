/** Display helpers of the report screens: labels of periods and fields, test ids, issue messages. */
import {
  describeReportIssue,
  REPORT_TRANSITION_LABELS,
  type PeriodView,
  type ReportIssue,
  type ReportTemplateDefinition,
  type ReportTransition,
} from '@atmis/domain';
import type { TFunction } from 'i18next';
import { pickLabel } from '../../../lib/i18n/index.ts';
import type { ReportSort } from '../api/reports-api.ts';
import { isCellPath, isNotePath, noteKeyOf } from '../model/report-draft.ts';

export const localeOf = (language: string): 'vi' | 'en' => (language === 'en' ? 'en' : 'vi');

export const periodLabel = (period: Pick<PeriodView, 'label' | 'labelEn'>, language: string) =>
  language === 'en' ? period.labelEn || period.label : period.label;

export const sortLabelKey = (sort: ReportSort) => ({ '-updatedAt': 'updatedDesc', dueDate: 'dueDateAsc', '-period': 'periodDesc' })[sort];

/** The domain's message for an issue (the same words the server uses). */
export const issueMessage = (issue: ReportIssue, language: string) => describeReportIssue(issue, localeOf(language));

/** A warning key (`parts_below_total:table:row:total:female+male`) made safe for a test id. */
export const sanitiseKey = (key: string) => key.replace(/[^A-Za-z0-9_-]+/g, '-');

/** The test id of the input that edits a field path (also used to focus it from the issue list). */
export function fieldTestId(path: string): string {
  if (isCellPath(path)) return `report-cell-${path.split('.').slice(1).join('-')}`;
  if (isNotePath(path)) return `report-note-${sanitiseKey(noteKeyOf(path))}`;
  return `report-narrative-${path.split('.').slice(1).join('-')}`;
}

/** Scrolls to the input of a field and focuses it; false when it is not on screen. */
export function focusField(path: string): boolean {
  const element = document.querySelector<HTMLElement>(`[data-testid="${fieldTestId(path)}"]`);
  if (!element) return false;
  element.scrollIntoView({ block: 'center', behavior: 'smooth' });
  element.focus({ preventScroll: true });
  return true;
}

/** "Nạn nhân được tiếp nhận — Được xác định — Nữ", the section's title, or "Ghi chú giải thích". */
export function fieldLabel(definition: ReportTemplateDefinition, path: string, t: TFunction): string {
  const parts = path.split('.');
  if (isCellPath(path)) {
    const table = definition.tables.find((item) => item.key === parts[1]);
    const row = table?.rows.find((item) => item.key === parts[2]);
    const column = table?.columns.find((item) => item.key === parts[3]);
    return t('reportWork.path.cell', {
      table: table?.title ?? parts[1],
      row: row?.label ?? parts[2],
      column: column?.label ?? parts[3],
    });
  }
  if (isNotePath(path)) return t('reportWork.path.note');
  if (!path.startsWith('narratives.')) return path;
  const section = definition.sections.find((item) => item.key === parts[1]);
  return t('reportWork.path.narrative', { section: section?.title ?? parts[1] });
}

const TRANSITIONS = new Set<string>(Object.keys(REPORT_TRANSITION_LABELS));

/** History entries: the domain's transition labels, else the screen's own words for other events. */
export function eventActionLabel(action: string, t: TFunction): string {
  if (TRANSITIONS.has(action)) return pickLabel(REPORT_TRANSITION_LABELS[action as ReportTransition], action);
  return t(`reportWork.eventActions.${action}`, { defaultValue: action });
}
