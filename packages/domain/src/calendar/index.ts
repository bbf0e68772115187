/** One calendar: Vietnam's clock, the lunar calendar, statutory holidays, working days and the Vietnamese date format. */
export * from './vietnam-time.ts';
export * from './lunar.ts';
export * from './holidays.ts';
export * from './working-days.ts';
export * from './format.ts';
