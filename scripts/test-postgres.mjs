// `npm run test:pg`: the same suite against PostgreSQL (default: the local server's `test` database).
// The database is wiped and rebuilt by the test setup: never point this at real data.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' };
console.log(`Chạy bộ kiểm thử trên PostgreSQL: ${env.DATABASE_URL.replace(/:[^:@/]*@/, ':***@')}`);
const result = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
