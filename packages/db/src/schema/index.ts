export * from './reference.ts';
export * from './identity.ts';
export * from './audit.ts';
export * from './plans.ts';
export * from './reports.ts';
export * from './victims.ts';
export * from './outbox.ts';
