/**
 * In-app paths of the report screens. They are plain strings (not typed route literals) because
 * the routes are registered by the router module; TanStack's Link and navigate accept them as is.
 */
export const reportPaths = {
  templates: (): string => '/reports/templates',
  newTemplate: (): string => '/reports/templates/new',
  template: (id: string): string => `/reports/templates/${encodeURIComponent(id)}`,
  schedules: (): string => '/reports/schedules',
  /** The schedule form, prefilled from a plan's reporting regime when `planId` is given. */
  newSchedule: (planId?: string): string => `/reports/schedules/new${planId ? `?planId=${encodeURIComponent(planId)}` : ''}`,
  schedule: (id: string): string => `/reports/schedules/${encodeURIComponent(id)}`,
  /** A report (unit or consolidated): the report form built in features/reports. */
  report: (id: string): string => `/reports/${encodeURIComponent(id)}`,
  plan: (id: string): string => `/plans/${encodeURIComponent(id)}`,
};
