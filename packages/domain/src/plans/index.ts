/** Plans and tasks: pure rules shared by server and browser (the importer lives in ./import). */
export * from './task-status.ts';
export * from './task-timing.ts';
export * from './task-policy.ts';
export * from './occurrences.ts';
export * from './digest.ts';
export * from './legal-references.ts';
