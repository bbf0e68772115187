export * from './access/index.ts';
export * from './errors/index.ts';
export * from './text/index.ts';
export * from './validators/index.ts';
export * from './contracts/index.ts';
export * from './reports/index.ts';
export * from './victims/index.ts';
export * from './workflow/index.ts';
