import { createDatabase } from '@atmis/db';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { startDailyDigest } from './modules/notifications/index.ts';
import { startDailyReports } from './modules/reports/index.ts';
import { startAuditCheckpoints } from './platform/audit/audit-checkpoints.ts';
import { auditCheckpointsPath, auditKeyLocation, loadAuditKey } from './platform/audit/audit-key.ts';
import { configureAuditKey } from './platform/audit/audit-log.ts';
import { checkDatabaseKeys } from './platform/crypto/startup-key-check.ts';
import { startOutboxSweep } from './platform/outbox/outbox-dispatcher.ts';
import { bootstrapDatabase } from './seed/bootstrap.ts';

const config = loadConfig();
const database = await createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
console.log(`ATMIS: CSDL ${database.engine} (${database.location}), chế độ ${config.mode}`);
// Before any key file is generated: refuse to start when the database needs keys the key files lack (a restore
// without its key files), naming the key ids and the files looked for.
try {
  await checkDatabaseKeys(database.db, config);
} catch (error) {
  console.error(`ATMIS: ${(error as Error).message}`);
  await database.close();
  process.exit(1);
}
// The audit key (HMAC of the audit chain) lives outside the database; production refuses to start without it.
configureAuditKey(loadAuditKey(auditKeyLocation(config)));
await bootstrapDatabase(database, config, (message) => console.log(`ATMIS: ${message}`));
const app = await buildApp({ database, config, logger: process.env.ATMIS_LOG === 'true' });
await app.listen({ port: config.port, host: config.host });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
// Signed checkpoints of the audit chain, outside the database: at start, every 5 minutes, at shutdown.
const auditCheckpoints = startAuditCheckpoints({
  db: database.db,
  filePath: auditCheckpointsPath(config),
  log: (message) => console.log(`ATMIS: ${message}`),
});
// Hand-overs a request did not deliver (a failed consumer, a crash between commit and answer) are swept every 30 s.
const outboxSweep = startOutboxSweep(app.outbox, { log: (message) => console.log(`ATMIS: ${message}`) });
console.log(`ATMIS đang chạy: http://localhost:${port}  (API: /api/v1, tài liệu API: /api/docs)`);
// The daily digest of due-soon and overdue tasks (in-app; by e-mail too when ATMIS_SMTP_URL is set).
const digest =
  process.env.ATMIS_DAILY_DIGEST === 'off'
    ? null
    : startDailyDigest({ db: database.db, clock: () => new Date(), log: (message) => console.log(`ATMIS: ${message}`) });
// The daily reports run: report periods up to today, reminders of reports due soon or late (same switch as the digest).
const dailyReports =
  process.env.ATMIS_DAILY_DIGEST === 'off'
    ? null
    : startDailyReports({
        db: database.db,
        clock: () => new Date(),
        prefill: app.prefill,
        log: (message) => console.log(`ATMIS: ${message}`),
      });

let isClosing = false;
async function shutdown(signal: string) {
  if (isClosing) return;
  isClosing = true;
  console.log(`ATMIS: nhận ${signal}, đang dừng…`);
  digest?.stop();
  dailyReports?.stop();
  await app.close();
  await outboxSweep.stop();
  await auditCheckpoints.stop();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
