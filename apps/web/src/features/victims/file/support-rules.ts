/** Support rules of the forms that are about the form itself (the status moves are the domain's: `nextSupportStatuses`). */

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
