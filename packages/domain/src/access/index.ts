export * from './permissions.ts';
export * from './scope.ts';
export * from './grant-policy.ts';
export * from './system-roles.ts';
export * from './audit-actions.ts';
