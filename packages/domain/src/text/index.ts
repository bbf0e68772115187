export * from './vietnamese.ts';
