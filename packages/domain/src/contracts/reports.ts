import { z } from 'zod';
import { PERIOD_TYPES, PERIOD_WINDOWS } from '../reports/periods.ts';
import { safeString } from './common.ts';

export const periodParamsSchema = z.strictObject({ id: safeString(30, 1) });
export const periodQuerySchema = z.strictObject({ window: z.enum(PERIOD_WINDOWS).default('decree09') });

export const periodViewSchema = z.object({
  id: z.string(),
  type: z.enum(PERIOD_TYPES),
  start: z.iso.date(),
  end: z.iso.date(),
  label: z.string(),
  labelEn: z.string(),
  window: z.enum(PERIOD_WINDOWS),
});
export type PeriodView = z.infer<typeof periodViewSchema>;
