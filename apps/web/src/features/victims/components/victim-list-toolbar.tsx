import { IDENTIFICATION_STATUS_LABELS, IDENTIFICATION_STATUSES, type IdentificationStatus } from '@atmis/domain';
import { DatePicker, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { OrgUnitSelect } from '../../../components/org-unit-select.tsx';
import { SearchInput } from '../../../components/search-input.tsx';
import { DATE_FORMAT } from '../../../lib/format.ts';
import type { VictimListFilter } from '../api/victims-api.ts';
import { codeOptions } from '../../../components/code-select.tsx';

type FileStatusChoice = 'open' | 'closed' | 'all';

/** The list opens on the files still being worked on; closed ones are one choice away. */
export const DEFAULT_VICTIM_LIST_FILTER: VictimListFilter = { fileStatus: 'open' };

/** True when the person narrowed the list beyond its default view (to word the empty state). */
export function isFilterNarrowed(filter: VictimListFilter): boolean {
  return Boolean(
    filter.q || filter.status || filter.orgUnitId || filter.receivedFrom || filter.receivedTo || filter.fileStatus === 'closed',
  );
}

/**
 * Search and filters of the victim file list: name words (any order, no accents needed) or an exact
 * citizen ID, identification status, open/closed, receiving unit and received-date range.
 */
export function VictimListToolbar({ filter, onChange }: { filter: VictimListFilter; onChange: (next: VictimListFilter) => void }) {
  const { t } = useTranslation();
  const update = (patch: Partial<VictimListFilter>) => onChange({ ...filter, ...patch });
  const asDay = (value: string | undefined) => (value ? dayjs(value, 'YYYY-MM-DD') : null);
  const range: [Dayjs | null, Dayjs | null] | null =
    filter.receivedFrom || filter.receivedTo ? [asDay(filter.receivedFrom), asDay(filter.receivedTo)] : null;
  const fileStatus: FileStatusChoice = filter.fileStatus ?? 'all';

  return (
    <div className="atmis-toolbar">
      <SearchInput
        onSearch={(q) => update({ q: q || undefined })}
        testId="victim-search"
        placeholder={t('victims.list.searchPlaceholder')}
        width={340}
        initialValue={filter.q ?? ''}
      />
      <Select<IdentificationStatus>
        allowClear
        placeholder={t('victims.list.filterStatus')}
        aria-label={t('victims.list.filterStatus')}
        value={filter.status}
        onChange={(status) => update({ status: status ?? undefined })}
        data-testid="victim-filter-status"
        style={{ width: 240 }}
        options={codeOptions(IDENTIFICATION_STATUSES, IDENTIFICATION_STATUS_LABELS)}
      />
      <Select<FileStatusChoice>
        aria-label={t('victims.list.filterFileStatus')}
        value={fileStatus}
        onChange={(choice) => update({ fileStatus: choice === 'all' ? undefined : choice })}
        data-testid="victim-filter-file-status"
        style={{ width: 180 }}
        options={(['open', 'closed', 'all'] as const).map((value) => ({ value, label: t(`victims.list.fileStatus.${value}`) }))}
      />
      <OrgUnitSelect
        allowClear
        value={filter.orgUnitId}
        onChange={(orgUnitId) => update({ orgUnitId })}
        placeholder={t('victims.list.filterUnit')}
        testId="victim-filter-unit"
        style={{ width: 260 }}
      />
      <span data-testid="victim-filter-received">
        <DatePicker.RangePicker
          value={range}
          format={DATE_FORMAT}
          allowEmpty={[true, true]}
          placeholder={[t('victims.list.receivedFrom'), t('victims.list.receivedTo')]}
          aria-label={t('victims.list.receivedRange')}
          onChange={(dates) =>
            update({
              receivedFrom: dates?.[0] ? dates[0].format('YYYY-MM-DD') : undefined,
              receivedTo: dates?.[1] ? dates[1].format('YYYY-MM-DD') : undefined,
            })
          }
        />
      </span>
    </div>
  );
}
