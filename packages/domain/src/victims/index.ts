export * from './codes.ts';
export * from './person.ts';
export * from './identification.ts';
export * from './consent.ts';
export * from './deadlines.ts';
export * from './referral.ts';
export * from './statistics.ts';
export * from './victims-policy.ts';
