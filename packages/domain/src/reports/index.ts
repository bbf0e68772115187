export * from './periods.ts';
export * from './template-schema.ts';
export * from './default-template.ts';
export * from './report-status.ts';
export * from './report-validation.ts';
export * from './report-timing.ts';
export * from './consolidation.ts';
export * from './report-policy.ts';
