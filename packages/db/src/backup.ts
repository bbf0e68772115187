import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { queryRows, type DatabaseHandle, type Executor } from './client.ts';
import { IDENTITY_ENCRYPTED_COLUMNS } from './schema/identity.ts';
import { VICTIM_ENCRYPTED_COLUMNS } from './schema/victims.ts';

/**
 * A logical backup that works the same on both engines and across them (a demo on PGlite can move
 * to PostgreSQL): gzip'd JSON lines — a header, then `{ "t": table, "r": row }` per row, tables in
 * foreign-key order. Sessions are never backed up. Restore goes into a migrated, empty database.
 */
export const BACKUP_FORMAT = 'atmis-backup';
const SKIPPED_TABLES = new Set(['sessions']);
const BATCH = 500;

interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  engine: string;
  migrations: number;
  tables: string[];
}

/**
 * The keys a backup cannot be read without — they are not in it (kept outside the database): the
 * field-encryption key ids of its `v1:<keyId>:…` values and the audit key ids of its keyed chain
 * (`h1:<keyId>:…`). Written as the last line of the backup, `{ "keys": { data, audit } }`.
 */
export interface BackupKeyIds {
  data: string[];
  audit: string[];
}

const ENCRYPTED_COLUMNS_BY_TABLE = new Map<string, string[]>();
for (const { table, column } of [...IDENTITY_ENCRYPTED_COLUMNS, ...VICTIM_ENCRYPTED_COLUMNS]) {
  ENCRYPTED_COLUMNS_BY_TABLE.set(table, [...(ENCRYPTED_COLUMNS_BY_TABLE.get(table) ?? []), column]);
}
const FIELD_KEY_ID = /^v1:([^:]+):/;
const AUDIT_KEY_ID = /^h1:([^:]+):/;

function collectKeyIds(table: string, row: Record<string, unknown>, data: Set<string>, audit: Set<string>): void {
  for (const column of ENCRYPTED_COLUMNS_BY_TABLE.get(table) ?? []) {
    const value = row[column];
    const match = typeof value === 'string' ? FIELD_KEY_ID.exec(value) : null;
    if (match) data.add(match[1]!);
  }
  if (table === 'audit_events' && typeof row.hash === 'string') {
    const match = AUDIT_KEY_ID.exec(row.hash);
    if (match) audit.add(match[1]!);
  }
}

/** Base tables of the public schema, parents before children. */
export async function tablesInDependencyOrder(executor: Executor): Promise<string[]> {
  const tables = (
    await queryRows<{ name: string }>(
      executor,
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    )
  ).map((r) => r.name);
  const edges = await queryRows<{ child: string; parent: string }>(
    executor,
    sql`select distinct tc.table_name as child, ccu.table_name as parent
        from information_schema.table_constraints tc
        join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.constraint_schema = tc.constraint_schema
        where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'public'`,
  );
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const edge of edges) if (edge.child === table && edge.parent !== table) visit(edge.parent);
    ordered.push(table);
  };
  tables.forEach(visit);
  return ordered.filter((t) => !SKIPPED_TABLES.has(t));
}

async function insertableColumns(executor: Executor, table: string): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    executor,
    sql`select column_name as name from information_schema.columns where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER' order by ordinal_position`,
  );
  return rows.map((r) => r.name);
}

async function migrationCount(executor: Executor): Promise<number> {
  const [row] = await queryRows<{ count: number }>(executor, sql`select count(*)::int as count from drizzle.__drizzle_migrations`);
  return row?.count ?? 0;
}

export async function backupDatabase(
  handle: DatabaseHandle,
  file: string,
): Promise<{ tables: Record<string, number>; keys: BackupKeyIds }> {
  const executor = handle.db;
  const dataKeys = new Set<string>();
  const auditKeys = new Set<string>();
  const tables = await tablesInDependencyOrder(executor);
  const counts: Record<string, number> = {};
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: 1,
    createdAt: new Date().toISOString(),
    engine: handle.engine,
    migrations: await migrationCount(executor),
    tables,
  };
  async function* lines() {
    yield `${JSON.stringify(header)}\n`;
    for (const table of tables) {
      const columns = await insertableColumns(executor, table);
      const columnList = sql.join(
        columns.map((c) => sql.identifier(c)),
        sql`, `,
      );
      counts[table] = 0;
      for (let offset = 0; ; offset += BATCH) {
        // Ordering by every column gives a stable page order without knowing each table's key.
        const rows = await queryRows<{ row: unknown }>(
          executor,
          sql`select to_jsonb(x) as row from (select ${columnList} from ${sql.identifier(table)} order by 1 limit ${BATCH} offset ${offset}) x`,
        );
        for (const { row } of rows) {
          const value = (typeof row === 'string' ? JSON.parse(row) : row) as Record<string, unknown>;
          collectKeyIds(table, value, dataKeys, auditKeys);
          yield `${JSON.stringify({ t: table, r: value })}\n`;
        }
        counts[table] += rows.length;
        if (rows.length < BATCH) break;
      }
    }
    yield `${JSON.stringify({ keys: keyIdsOf(dataKeys, auditKeys) })}\n`;
  }
  await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file));
  return { tables: counts, keys: keyIdsOf(dataKeys, auditKeys) };
}

function keyIdsOf(data: Set<string>, audit: Set<string>): BackupKeyIds {
  return { data: [...data].sort(), audit: [...audit].sort() };
}

/**
 * Where the server looks for its keys (apps/server keyring-file.ts and audit-key.ts): `ATMIS_DATA_KEYS_FILE`
 * or `<data dir>/keys/data-keys.json`, and `ATMIS_AUDIT_KEY_FILE` or `audit-key.json` beside it.
 */
export function keyFilePaths(dataDir: string, env: NodeJS.ProcessEnv = process.env): { data: string; audit: string } {
  const data = env.ATMIS_DATA_KEYS_FILE?.trim()
    ? path.resolve(env.ATMIS_DATA_KEYS_FILE.trim())
    : path.join(dataDir, 'keys', 'data-keys.json');
  const audit = env.ATMIS_AUDIT_KEY_FILE?.trim()
    ? path.resolve(env.ATMIS_AUDIT_KEY_FILE.trim())
    : path.join(path.dirname(data), 'audit-key.json');
  return { data, audit };
}

/** The key ids the key files hold (none for a file that is missing or unreadable). */
export function heldKeyIds(files: { data: string; audit: string }): { data: string[]; audit: string[] } {
  const read = (file: string): Record<string, unknown> | null => {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch {
      return null;
    }
  };
  const data = read(files.data)?.keys;
  const audit = read(files.audit)?.id;
  return {
    data: data && typeof data === 'object' ? Object.keys(data) : [],
    audit: typeof audit === 'string' ? [audit] : [],
  };
}

/** The key ids a key file content lacks: `{ keys: { id: … } }` (data keys) and `{ id }` (audit key). */
export function missingKeyIds(needed: BackupKeyIds, held: { data: readonly string[]; audit: readonly string[] }): BackupKeyIds {
  return { data: needed.data.filter((id) => !held.data.includes(id)), audit: needed.audit.filter((id) => !held.audit.includes(id)) };
}

export async function restoreDatabase(
  handle: DatabaseHandle,
  file: string,
): Promise<{ tables: Record<string, number>; keys: BackupKeyIds | null }> {
  const executor = handle.db;
  let header: BackupHeader | null = null;
  let keys: BackupKeyIds | null = null;
  const counts: Record<string, number> = {};
  const pending = new Map<string, unknown[]>();
  const columnsOf = new Map<string, string[]>();

  const flush = async (tx: Executor, table: string) => {
    const rows = pending.get(table);
    if (!rows?.length) return;
    let columns = columnsOf.get(table);
    if (!columns) {
      columns = await insertableColumns(tx, table);
      columnsOf.set(table, columns);
    }
    const columnList = sql.join(
      columns.map((c) => sql.identifier(c)),
      sql`, `,
    );
    await tx.execute(
      sql`insert into ${sql.identifier(table)} (${columnList}) overriding system value select ${columnList} from jsonb_populate_recordset(null::${sql.identifier(table)}, ${JSON.stringify(rows)}::jsonb)`,
    );
    counts[table] = (counts[table] ?? 0) + rows.length;
    pending.set(table, []);
  };

  await executor.transaction(async (tx) => {
    // Opened here, right before iterating: lines read earlier (while the transaction starts) would be lost.
    const reader = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    for await (const line of reader) {
      if (!line.trim()) continue;
      if (!header) {
        const parsed = JSON.parse(line) as BackupHeader;
        if (parsed.format !== BACKUP_FORMAT || parsed.version !== 1) throw new Error('Tệp không phải bản sao lưu ATMIS hợp lệ.');
        const migrations = await migrationCount(tx);
        if (parsed.migrations > migrations)
          throw new Error(`Bản sao lưu cần ${parsed.migrations} migration, CSDL đích mới có ${migrations}: hãy cập nhật phần mềm trước.`);
        for (const table of parsed.tables) {
          const [row] = await queryRows<{ count: number }>(tx, sql`select count(*)::int as count from ${sql.identifier(table)}`);
          if ((row?.count ?? 0) > 0)
            throw new Error(`CSDL đích không trống (bảng ${table} đã có dữ liệu). Hãy khôi phục vào một CSDL mới.`);
        }
        header = parsed;
        // Empty tables count too: the restore reports every table of the backup, like the backup does.
        for (const table of parsed.tables) counts[table] = 0;
        continue;
      }
      const parsed = JSON.parse(line) as { t: string; r: unknown } | { keys: BackupKeyIds };
      if ('keys' in parsed) {
        keys = { data: [...parsed.keys.data], audit: [...parsed.keys.audit] };
        continue;
      }
      const { t: table, r: row } = parsed;
      if (!header.tables.includes(table)) throw new Error(`Bảng không có trong bản sao lưu: ${table}`);
      // Rows arrive grouped by table in dependency order: flush the previous table when it changes.
      for (const [other, rows] of pending) if (other !== table && rows.length) await flush(tx, other);
      const rows = pending.get(table) ?? [];
      rows.push(row);
      pending.set(table, rows);
      if (rows.length >= BATCH) await flush(tx, table);
    }
    for (const table of pending.keys()) await flush(tx, table);
    if (!header) throw new Error('Tệp sao lưu trống.');
    // Identity columns continue after the restored values.
    const identities = await queryRows<{ table_name: string; column_name: string }>(
      tx,
      sql`select table_name, column_name from information_schema.columns where table_schema = 'public' and is_identity = 'YES'`,
    );
    for (const { table_name, column_name } of identities) {
      await tx.execute(
        sql`select setval(pg_get_serial_sequence(${`public.${table_name}`}, ${column_name}), greatest(coalesce((select max(${sql.identifier(column_name)}) from ${sql.identifier(table_name)}), 0), 1))`,
      );
    }
  });
  return { tables: counts, keys };
}
