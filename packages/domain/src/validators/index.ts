export * from './identity-numbers.ts';
export * from './password-policy.ts';
