export * from './common.ts';
export * from './auth.ts';
export * from './admin.ts';
export * from './plans.ts';
export * from './reports.ts';
export * from './report-workflow.ts';
export * from './victims.ts';
