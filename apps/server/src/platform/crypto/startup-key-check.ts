import { existsSync } from 'node:fs';
import { auditEvents, queryRows, type Executor } from '@atmis/db';
import { desc, sql } from 'drizzle-orm';
import type { AppConfig } from '../../config.ts';
import { auditKeyLocation, readAuditKeyFile } from '../audit/audit-key.ts';
import { ENCRYPTED_COLUMNS } from './encrypted-columns.ts';
import { CIPHERTEXT_VERSION, KeyringError } from './field-cipher.ts';
import { keyFileLocation, readKeyFile } from './keyring-file.ts';

/**
 * Field-key ids used in the database that `known` does not hold. One probe per column and missing id:
 * `limit 1` stops at the first value under an unknown key, so a database whose keys are all known costs
 * one pass per encrypted column and nothing more.
 */
export async function unknownFieldKeyIds(executor: Executor, known: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  const prefix = `${CIPHERTEXT_VERSION}:%`;
  for (const { table, column } of ENCRYPTED_COLUMNS) {
    // A new (not yet migrated) database has no tables, hence nothing encrypted.
    if (!(await tableExists(executor, table))) continue;
    for (;;) {
      const excluded = [...known, ...missing];
      const col = sql.identifier(column);
      const [row] = await queryRows<{ key_id: string }>(
        executor,
        sql`select split_part(${col}, ':', 2) as key_id from ${sql.identifier(table)}
            where ${col} like ${prefix} and split_part(${col}, ':', 2) not in (${sql.join(
              (excluded.length ? excluded : ['']).map((id) => sql`${id}`),
              sql`, `,
            )}) limit 1`,
      );
      if (!row) break;
      missing.push(row.key_id);
    }
  }
  return missing;
}

async function tableExists(executor: Executor, table: string): Promise<boolean> {
  const [row] = await queryRows<{ present: boolean }>(executor, sql`select to_regclass(${`public.${table}`}) is not null as present`);
  return row?.present === true;
}

/** The audit key id of the chain's newest event, if it is keyed (a legacy chain has none). */
async function lastAuditKeyId(executor: Executor): Promise<string | null> {
  if (!(await tableExists(executor, 'audit_events'))) return null;
  const [last] = await executor.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  return last?.hash.startsWith('h1:') ? (last.hash.split(':')[1] ?? null) : null;
}

/**
 * Refuses to start (throws, in Vietnamese) when the database holds values encrypted under keys the key
 * file does not have, or an audit chain keyed with another audit key — as after a restore without the
 * key files: the server would otherwise generate fresh keys and show every victim list empty. Runs
 * before the key files are generated, so a missing file is not replaced by a useless new one.
 */
export async function checkDatabaseKeys(
  executor: Executor,
  config: Pick<AppConfig, 'mode' | 'dataDir'>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const problems: string[] = [];
  const dataLocation = keyFileLocation(config, env);
  const dataFileExists = existsSync(dataLocation.path);
  const known = dataFileExists ? [...readKeyFile(dataLocation.path).keys.keys()] : [];
  const missing = await unknownFieldKeyIds(executor, known);
  if (missing.length > 0) {
    problems.push(
      `CSDL có dữ liệu mã hóa bằng khóa ${missing.join(', ')} nhưng tệp khóa ${dataLocation.path} ` +
        `${dataFileExists ? 'không có các khóa này' : 'không tồn tại'}.`,
    );
  }
  const auditLocation = auditKeyLocation(config, env);
  const auditKeyId = await lastAuditKeyId(executor);
  if (auditKeyId !== null) {
    const auditFileExists = existsSync(auditLocation.path);
    const held = auditFileExists ? readAuditKeyFile(auditLocation.path).id : null;
    if (held !== auditKeyId) {
      problems.push(
        `Nhật ký kiểm toán được ký bằng khóa nhật ký ${auditKeyId} nhưng tệp khóa nhật ký ${auditLocation.path} ` +
          `${auditFileExists ? `giữ khóa khác (${held})` : 'không tồn tại'}.`,
      );
    }
  }
  if (problems.length > 0) {
    throw new KeyringError(
      `Từ chối khởi động: ${problems.join(' ')} Hãy chép tệp khóa của hệ thống đã sao lưu vào đúng vị trí trên ` +
        '(bản sao lưu CSDL không chứa khóa; xem docs/operations.md, mục "Khóa mã hóa dữ liệu"). ' +
        '(Refusing to start: the database holds data under keys the key files do not have.)',
    );
  }
}
