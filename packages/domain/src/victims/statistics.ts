import {
  EXPLOITATION_FORMS,
  IDENTIFICATION_ROLES,
  isExploitationForm,
  RECEPTION_WAYS,
  SUPPORT_TYPES,
  type ExploitationForm,
  type PersonRole,
  type ReceptionWay,
  type Sex,
  type SupportType,
} from './codes.ts';
import type { AgeBand } from './person.ts';
import { DEFAULT_SMALL_CELL_THRESHOLD, suppressCounts, type AdditiveGroup } from '../statistics/small-cells.ts';

export { DEFAULT_SMALL_CELL_THRESHOLD };

/**
 * Victim statistics for periodic reports, computed from the records (so any past period can be
 * recomputed). Pure: the server loads one `StatRecord` per person in the area and passes the
 * report's data window (inclusive ISO dates).
 *
 * - received: persons received in the window whose role goes through identification (being
 *   identified, victim, not a victim — a person later found not to be a victim was still received);
 *   accompanying children and relatives are not counted.
 * - identified: persons whose role is victim and whose identification decision falls in the window.
 * - byExploitation, byDestination, byReturn: breakdowns of the received persons. A person with several
 *   forms of exploitation counts once under each, so these columns may add up to more than the total.
 * - supported: persons (any role: accompanying children are supported too) who started a support of
 *   each type in the window, each person once per type; supportedPersons counts them once overall.
 * Age bands are on reception (see `ageBand`: a person treated as a child is never counted as an
 * adult). Sex "other"/"unknown" is in totals only.
 */
export interface StatRecord {
  receivedOn: string;
  role: PersonRole;
  sex: Sex;
  ageBandOnReception: AgeBand;
  exploitationForms: readonly string[];
  /** ISO 3166 alpha-2; null when unknown or not applicable. */
  destinationCountry: string | null;
  wayOfReturn: ReceptionWay;
  identifiedOn: string | null;
  supports: readonly { type: SupportType; startedOn: string }[];
}

export interface StatWindow {
  start: string;
  end: string;
}

export interface SexAgeCounts {
  total: number;
  female: number;
  male: number;
  age_under_16: number;
  age_16_17: number;
  age_18_plus: number;
  age_unknown: number;
}

export interface SexChildCounts {
  total: number;
  female: number;
  male: number;
  /** Under 18 (or treated as such) on reception. */
  children: number;
}

/** Key of `byDestination` for persons whose destination is not known. */
export const UNKNOWN_DESTINATION = 'unknown';

export interface VictimStatistics {
  window: StatWindow;
  received: SexAgeCounts;
  identified: SexAgeCounts;
  byExploitation: Record<ExploitationForm, SexChildCounts>;
  byDestination: Record<string, number>;
  byReturn: Record<ReceptionWay, number>;
  supported: Record<SupportType, number>;
  supportedPersons: number;
}

const emptySexAge = (): SexAgeCounts => ({ total: 0, female: 0, male: 0, age_under_16: 0, age_16_17: 0, age_18_plus: 0, age_unknown: 0 });

const AGE_KEYS: Record<AgeBand, keyof SexAgeCounts> = {
  under_16: 'age_under_16',
  '16_17': 'age_16_17',
  '18_plus': 'age_18_plus',
  unknown: 'age_unknown',
};

function countPerson(counts: SexAgeCounts, record: StatRecord): void {
  counts.total += 1;
  if (record.sex === 'female') counts.female += 1;
  if (record.sex === 'male') counts.male += 1;
  counts[AGE_KEYS[record.ageBandOnReception]] += 1;
}

const fill = <K extends string, V>(keys: readonly K[], make: () => V): Record<K, V> =>
  Object.fromEntries(keys.map((key) => [key, make()])) as Record<K, V>;

export function victimStatistics(records: readonly StatRecord[], window: StatWindow): VictimStatistics {
  if (window.start > window.end) throw new RangeError(`window starts after it ends: ${window.start}..${window.end}`);
  const inWindow = (date: string | null) => date !== null && date >= window.start && date <= window.end;

  const received = emptySexAge();
  const identified = emptySexAge();
  const byExploitation = fill(EXPLOITATION_FORMS, (): SexChildCounts => ({ total: 0, female: 0, male: 0, children: 0 }));
  const destinations = new Map<string, number>();
  const byReturn = fill(RECEPTION_WAYS, () => 0);
  const supported = fill(SUPPORT_TYPES, () => 0);
  let supportedPersons = 0;

  for (const record of records) {
    if (IDENTIFICATION_ROLES.includes(record.role) && inWindow(record.receivedOn)) {
      countPerson(received, record);
      const isChild = record.ageBandOnReception === 'under_16' || record.ageBandOnReception === '16_17';
      for (const form of new Set(record.exploitationForms)) {
        if (!isExploitationForm(form)) continue;
        const cell = byExploitation[form];
        cell.total += 1;
        if (record.sex === 'female') cell.female += 1;
        if (record.sex === 'male') cell.male += 1;
        if (isChild) cell.children += 1;
      }
      const destination = record.destinationCountry ?? UNKNOWN_DESTINATION;
      destinations.set(destination, (destinations.get(destination) ?? 0) + 1);
      byReturn[record.wayOfReturn] += 1;
    }
    if (record.role === 'victim' && inWindow(record.identifiedOn)) countPerson(identified, record);
    const types = new Set(record.supports.filter((support) => inWindow(support.startedOn)).map((support) => support.type));
    for (const type of types) supported[type] += 1;
    if (types.size > 0) supportedPersons += 1;
  }

  const byDestination: Record<string, number> = {};
  const countries = [...destinations.keys()].filter((key) => key !== UNKNOWN_DESTINATION).sort();
  for (const country of countries) byDestination[country] = destinations.get(country)!;
  if (destinations.has(UNKNOWN_DESTINATION)) byDestination[UNKNOWN_DESTINATION] = destinations.get(UNKNOWN_DESTINATION)!;

  return { window: { ...window }, received, identified, byExploitation, byDestination, byReturn, supported, supportedPersons };
}

/** `T` with every number replaced by `number | null`. */
export type Suppressed<T> = T extends number
  ? number | null
  : T extends readonly (infer U)[]
    ? Suppressed<U>[]
    : T extends object
      ? { [K in keyof T]: Suppressed<T[K]> }
      : T;

/** The additive groups of the victim statistics: which totals are sums of which cells. */
function victimStatisticsGroups(statistics: VictimStatistics): AdditiveGroup[] {
  const groups: AdditiveGroup[] = [];
  for (const table of ['received', 'identified'] as const) {
    groups.push({ total: `${table}.total`, parts: [`${table}.female`, `${table}.male`], complete: false });
    groups.push({ total: `${table}.total`, parts: Object.values(AGE_KEYS).map((key) => `${table}.${key}`), complete: true });
  }
  for (const form of Object.keys(statistics.byExploitation)) {
    const cell = `byExploitation.${form}`;
    groups.push({ total: `${cell}.total`, parts: [`${cell}.female`, `${cell}.male`], complete: false });
    groups.push({ total: `${cell}.total`, parts: [`${cell}.children`], complete: false });
  }
  // Every received person has one destination (or "unknown") and one way of return.
  groups.push({
    total: 'received.total',
    parts: Object.keys(statistics.byDestination).map((key) => `byDestination.${key}`),
    complete: true,
  });
  groups.push({ total: 'received.total', parts: Object.keys(statistics.byReturn).map((key) => `byReturn.${key}`), complete: true });
  return groups;
}

/**
 * Victim statistics as they may be shown to a person, at any level (commune to nation): the one
 * small-cell rule (`suppressCounts`) with its complementary cells, so that no hidden count can be
 * recovered as a total minus the shown cells.
 */
export function publishVictimStatistics(
  statistics: VictimStatistics,
  threshold: number = DEFAULT_SMALL_CELL_THRESHOLD,
): Suppressed<Omit<VictimStatistics, 'window'>> & { window: StatWindow } {
  const { window, ...counts } = statistics;
  const flat: Record<string, number> = {};
  const flatten = (value: unknown, prefix: string) => {
    if (typeof value === 'number') flat[prefix] = value;
    else if (value && typeof value === 'object')
      for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key);
  };
  flatten(counts, '');
  const shown = suppressCounts(flat, victimStatisticsGroups(statistics), threshold);
  const rebuild = (value: unknown, prefix: string): unknown => {
    if (typeof value === 'number') return shown[prefix];
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, rebuild(inner, prefix ? `${prefix}.${key}` : key)]));
    return value;
  };
  return { ...(rebuild(counts, '') as Suppressed<Omit<VictimStatistics, 'window'>>), window: { ...window } };
}
