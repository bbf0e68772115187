import { SUPPORT_STATUSES, type SupportStatus } from '@atmis/domain';

/**
 * Support rules the forms follow. The moves mirror the server's (victim-casework.service.ts): a
 * planned support may start, end or be cancelled; one in progress may end or be cancelled; a
 * completed one may still have its dates, amount and notes completed; a cancelled one is final.
 */
const NEXT_STATUSES: Readonly<Record<SupportStatus, readonly SupportStatus[]>> = {
  planned: ['planned', 'in_progress', 'completed', 'cancelled'],
  in_progress: ['in_progress', 'completed', 'cancelled'],
  completed: ['completed'],
  cancelled: [],
};

/** The statuses a support in `from` may take (itself included, to correct the other fields). */
export function nextSupportStatuses(from: SupportStatus): SupportStatus[] {
  return SUPPORT_STATUSES.filter((status) => NEXT_STATUSES[from].includes(status));
}

export function isSupportEditable(status: SupportStatus): boolean {
  return nextSupportStatuses(status).length > 0;
}

/** A support that has started (or ended) needs its start date, as the server requires. */
export function needsStartDate(status: SupportStatus): boolean {
  return status === 'in_progress' || status === 'completed';
}

/** The day a rate must be in force on: the server checks it against the start, else the application, else today. */
export function rateDayOf(dates: { startedOn?: string | null | undefined; appliedOn?: string | null | undefined }, today: string): string {
  return dates.startedOn || dates.appliedOn || today;
}

/** The amount a rate fills in: only a per-person rate is an amount; per day or month depends on the length. */
export function amountFromRate(rate: { amountVnd: number; per: 'person' | 'day' | 'month' }): number | null {
  return rate.per === 'person' ? rate.amountVnd : null;
}

/** Whole đồng from what the amount field holds ("1.500.000", "1 500 000 đ"); null when empty. */
export function parseVnd(text: string | undefined): number | null {
  const digits = (text ?? '').replace(/\D/g, '');
  return digits === '' ? null : Number(digits);
}
