import { performance } from 'node:perf_hooks';
import autocannon, { type AutocannonResult } from 'autocannon';
import { round, summarize } from '../latency-stats.ts';
import type { BenchContext, ResultRow, Scenario, SessionCredentials } from '../scenario-types.ts';
import { pickAutocannonSummary } from './auth-me-load.ts';

/** The bench user's province (Hải Phòng); its communes receive the seeded files. */
const PROVINCE_ID = 'VN.31';
/** Create requests in flight at once while seeding. */
const SEED_CONCURRENCY = 4;
/** The citizen ID keeps six digits for the file's index. */
const MAX_FILES = 1_000_000;

const FAMILY_NAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Lò', 'Vàng', 'Hà', 'Lục'];
const GIVEN_NAMES = ['Hoà', 'Mai', 'Lan', 'Hương', 'Thảo', 'Dợ', 'Sếnh', 'Ngọc', 'Phương', 'Yến', 'Hạnh', 'Xuân'];
const CHILD_NAMES = ['Bình', 'An', 'Tí', 'Hùng', 'Nga', 'Mỷ', 'Páo', 'Sáu'];

/** Letters only ("a".."z", base 26, most significant first), so that the name rules and the name search accept it. */
function letters(value: number, width: number): string {
  let text = '';
  let rest = value;
  for (let position = 0; position < width || rest > 0; position += 1) {
    text = String.fromCharCode(97 + (rest % 26)) + text;
    rest = Math.floor(rest / 26);
  }
  return text;
}

interface SeededFile {
  index: number;
  /** The name word that only this file has (capitalised, letters only). */
  word: string;
  familyName: string;
  communeId: string;
}

/** ISO date `days` days before today (UTC): at least one day back, so never "after today" in Vietnam. */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * One reception: a Vietnamese woman with her child, received at and living in one commune. The
 * name word is `Q` + a run tag + the index in letters, unique per file and per run (a kept
 * PostgreSQL database may hold an earlier run's files). The citizen ID is Hải Phòng (031), a woman
 * born in the 1900s (1), her birth year, then the index in six digits.
 */
function victimFileBody(index: number, runTag: string, communeId: string): { body: unknown; file: SeededFile } {
  const word = `Q${runTag}${letters(index, 4)}`;
  const familyName = FAMILY_NAMES[index % FAMILY_NAMES.length]!;
  const givenName = GIVEN_NAMES[Math.floor(index / FAMILY_NAMES.length) % GIVEN_NAMES.length]!;
  const birthYear = 1975 + (index % 25);
  const month = String(1 + (index % 12)).padStart(2, '0');
  const day = String(1 + (index % 28)).padStart(2, '0');
  const body = {
    orgUnitId: communeId,
    reception: {
      receivedOn: daysAgo(1 + (index % 365)),
      receivedByName: 'Đồn Biên phòng cửa khẩu quốc tế Móng Cái',
      receivingOfficer: 'Trung úy Lê Văn Tiếp',
      place: 'Cửa khẩu quốc tế Móng Cái',
      way: 'handed_over_by_foreign_authority',
      fromCountry: 'CN',
      borderGate: 'Móng Cái',
      initialSupport: 'Cấp quần áo, suất ăn và tiền tàu xe về địa phương.',
      needs: ['essential_needs', 'medical', 'psychological'],
    },
    person: {
      fullName: `${familyName} Thị ${givenName} ${word}`,
      sex: 'female',
      dateOfBirth: `${birthYear}-${month}-${day}`,
      citizenId: `0311${String(birthYear % 100).padStart(2, '0')}${String(index).padStart(6, '0')}`,
      homeOrgUnitId: communeId,
      homeAddress: `Thôn Đông ${word}, số nhà ${1 + (index % 90)}`,
      phone: `091 ${String(index).padStart(7, '0').slice(0, 3)} ${String(index).padStart(7, '0').slice(3)}`,
      ethnicity: 'Kinh',
    },
    companions: [
      {
        role: 'accompanying_child',
        relationship: 'Con',
        person: {
          fullName: `${familyName} Văn ${CHILD_NAMES[index % CHILD_NAMES.length]!} ${word}`,
          sex: index % 2 === 0 ? 'male' : 'female',
          estimatedAge: 1 + (index % 12),
          ageUncertain: true,
          homeOrgUnitId: communeId,
        },
      },
    ],
    confirmNotDuplicate: true,
  };
  return { body, file: { index, word, familyName, communeId } };
}

/** Every current commune directly under the province (the org-units list pages by 100 at most). */
async function provinceCommunes(baseUrl: string, headers: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ parentId: PROVINCE_ID, level: 'commune', limit: '100' });
    if (cursor) query.set('cursor', cursor);
    const response = await fetch(`${baseUrl}/api/v1/org-units?${query}`, { headers, signal: AbortSignal.timeout(10_000) });
    const page = (await response.json()) as { items?: { id: string }[]; nextCursor?: string | null };
    if (response.status !== 200 || !page.items) {
      throw new Error(`GET /org-units?parentId=${PROVINCE_ID} answered ${response.status}: ${JSON.stringify(page).slice(0, 300)}`);
    }
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor ?? null;
  } while (cursor);
  if (!ids.length) throw new Error(`no current commune under ${PROVINCE_ID}`);
  return ids;
}

/** Creates `count` files through POST /api/v1/victim-files, SEED_CONCURRENCY at a time; the first failure aborts. */
async function seed(context: BenchContext, baseUrl: string, credentials: SessionCredentials, communes: string[], count: number) {
  const runTag = letters(Math.floor(Date.now() / 1000) % 26 ** 3, 3);
  const headers = {
    cookie: credentials.cookieHeader,
    'x-csrf-token': credentials.csrfToken,
    'content-type': 'application/json',
    accept: 'application/json',
  };
  const files: SeededFile[] = [];
  const ids = new Map<number, string>();
  const latencies: number[] = [];
  /** Files answered with a warning on this field (e.g. a child without a guardian on record). */
  const warningFields = new Map<string, number>();
  let next = 0;
  let failure: Error | null = null;
  const worker = async () => {
    while (!failure && next < count) {
      const index = next;
      next += 1;
      const { body, file } = victimFileBody(index, runTag, communes[index % communes.length]!);
      const begin = performance.now();
      const response = await fetch(`${baseUrl}/api/v1/victim-files`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      latencies.push(performance.now() - begin);
      if (response.status !== 201) {
        failure ??= new Error(`POST /victim-files (file ${index}) answered ${response.status}: ${text.slice(0, 500)}`);
        return;
      }
      const created = JSON.parse(text) as { id: string; warnings?: Record<string, string> };
      for (const field of Object.keys(created.warnings ?? {})) warningFields.set(field, (warningFields.get(field) ?? 0) + 1);
      files.push(file);
      ids.set(index, created.id);
      if (files.length % 250 === 0) context.log(`seeded ${files.length}/${count}…`);
    }
  };
  context.log(`seeding ${count} victim files over ${communes.length} communes, ${SEED_CONCURRENCY} requests at a time…`);
  const begin = performance.now();
  await Promise.all(Array.from({ length: Math.min(SEED_CONCURRENCY, count) }, worker));
  const wallMs = performance.now() - begin;
  if (failure) throw failure;
  files.sort((a, b) => a.index - b.index);
  return { files, ids, latencies, wallMs, warningFields, runTag };
}

interface Measured {
  row: ResultRow;
  details: unknown;
}

/** Same load as auth-me-load: discarded warm-up, then BENCH_CONNECTIONS connections for BENCH_DURATION seconds. */
async function measureGet(context: BenchContext, label: string, url: string, headers: Record<string, string>): Promise<Measured> {
  const { config } = context;
  const base = { url, connections: config.connections, headers, timeout: 10 };
  if (config.warmupSeconds > 0) {
    context.log(`${label}: warm-up ${config.warmupSeconds}s…`);
    await autocannon({ ...base, duration: config.warmupSeconds });
  }
  context.log(`${label}: ${config.connections} connections × ${config.durationSeconds}s…`);
  const latencies: number[] = [];
  const statusCounts = new Map<number, number>();
  const instance = autocannon({ ...base, duration: config.durationSeconds, title: `${context.engine.name} ${label}` });
  instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
    latencies.push(responseTimeMs);
    statusCounts.set(statusCode, (statusCounts.get(statusCode) ?? 0) + 1);
  });
  const guard = setTimeout(() => instance.stop(), (config.durationSeconds + 30) * 1000);
  let result: AutocannonResult;
  try {
    result = await instance;
  } finally {
    clearTimeout(guard);
  }
  const latency = summarize(latencies);
  const ok = statusCounts.get(200) ?? 0;
  return {
    row: {
      case: label,
      count: latency.count,
      opsPerSec: result.requests.average,
      latency,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      note: `autocannon p50/p97.5/p99 = ${result.latency.p50}/${result.latency.p97_5}/${result.latency.p99} ms; ${ok}×200`,
    },
    details: {
      url,
      latencyMs: Object.fromEntries(Object.entries(latency).map(([key, value]) => [key, round(value, 3)])),
      statusCounts: Object.fromEntries(statusCounts),
      autocannon: pickAutocannonSummary(result),
    },
  };
}

/** One GET before the load: the endpoint answers 200 and the body is what the bench expects. */
async function probe<T>(url: string, headers: Record<string, string>, check: (body: T) => string | null): Promise<void> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
  const body = (await response.json()) as T;
  const problem = response.status === 200 ? check(body) : `HTTP ${response.status}`;
  if (problem) throw new Error(`probe ${url}: ${problem}: ${JSON.stringify(body).slice(0, 300)}`);
}

/**
 * Victim files (issue 5): seeds BENCH_VICTIM_FILES files through the API as the provincial standing
 * office, then loads the masked list, the name search (blind index) and one file's detail.
 */
export const victimListLoadScenario: Scenario = {
  id: 'victim-list-load',
  title: 'Victim files: API seeding, then list / name search / detail under load',
  description:
    'As tinh.thuongtruc (standing office of Hải Phòng, VN.31), creates BENCH_VICTIM_FILES victim files through POST /api/v1/victim-files, ' +
    `${SEED_CONCURRENCY} requests at a time, spread over the province's current communes (GET /api/v1/org-units?parentId=VN.31&level=commune): ` +
    'each a woman (valid 12-digit citizen ID 031 + 1 + birth year + 6 unique digits) with her child, a name word unique to the file, ' +
    'confirmNotDuplicate: true (so the duplicate search is skipped). Seeding reports files/s and the per-request latency. Then, like auth-me-load ' +
    '(discarded BENCH_WARMUP warm-up, BENCH_CONNECTIONS keep-alive connections for BENCH_DURATION seconds, exact percentiles from every response), ' +
    'autocannon drives GET /api/v1/victim-files?limit=20 (first page, masked, with the total count), GET /api/v1/victim-files?q=<family name> <unique word> ' +
    '(name search through the blind index of name words: matches exactly one file) and GET /api/v1/victim-files/<id> (the masked detail of one file).',
  async run(context) {
    const { config } = context;
    if (config.victimFiles >= MAX_FILES) throw new Error(`BENCH_VICTIM_FILES must be below ${MAX_FILES} (six digits of the citizen ID)`);
    const server = await context.ensureServer();
    const credentials = await context.session();
    const headers = { cookie: credentials.cookieHeader, accept: 'application/json' };

    const communes = await provinceCommunes(server.baseUrl, headers);
    const seeded = await seed(context, server.baseUrl, credentials, communes, config.victimFiles);
    const seedLatency = summarize(seeded.latencies);
    const filesPerSecond = seeded.files.length / (seeded.wallMs / 1000);
    context.log(`seeded ${seeded.files.length} files in ${(seeded.wallMs / 1000).toFixed(1)} s (${filesPerSecond.toFixed(1)} files/s)`);

    // The searched and detailed file: the middle one.
    const target = seeded.files[Math.floor(seeded.files.length / 2)]!;
    const targetId = seeded.ids.get(target.index)!;
    const listUrl = `${server.baseUrl}/api/v1/victim-files?limit=20`;
    const searchText = `${target.familyName} ${target.word}`;
    const searchUrl = `${server.baseUrl}/api/v1/victim-files?q=${encodeURIComponent(searchText)}`;
    const detailUrl = `${server.baseUrl}/api/v1/victim-files/${targetId}`;

    type Page = { items?: { id: string; primary?: { maskedName?: string } }[]; total?: number };
    await probe<Page>(listUrl, headers, (body) =>
      body.items?.length === Math.min(20, seeded.files.length) && (body.total ?? 0) >= seeded.files.length
        ? null
        : `expected a page of ${Math.min(20, seeded.files.length)} of at least ${seeded.files.length} files`,
    );
    await probe<Page>(searchUrl, headers, (body) =>
      body.total === 1 && body.items?.[0]?.id === targetId ? null : `expected exactly file ${targetId}`,
    );
    await probe<{ id?: string; persons?: unknown[] }>(detailUrl, headers, (body) =>
      body.id === targetId && body.persons?.length === 2 ? null : `expected file ${targetId} with 2 persons`,
    );

    const list = await measureGet(context, 'list limit=20', listUrl, headers);
    const search = await measureGet(context, 'q: 2 name words', searchUrl, headers);
    const detail = await measureGet(context, 'detail', detailUrl, headers);

    const load = `${config.connections} conn × ${config.durationSeconds}s`;
    return {
      rows: [
        {
          case: `seed ${SEED_CONCURRENCY} at a time`,
          timeMs: seeded.wallMs,
          count: seeded.files.length,
          opsPerSec: filesPerSecond,
          latency: seedLatency,
          errors: 0,
          non2xx: 0,
          note: `${filesPerSecond.toFixed(1)} files/s (2 persons each) over ${communes.length} communes${[...seeded.warningFields]
            .map(([field, files]) => `; warning ${field} ×${files}`)
            .join('')}`,
        },
        ...[list, search, detail].map(({ row }) => ({ ...row, note: `${load}; ${row.note ?? ''}` })),
      ],
      details: {
        province: PROVINCE_ID,
        communes: communes.length,
        seed: {
          files: seeded.files.length,
          concurrency: SEED_CONCURRENCY,
          wallMs: round(seeded.wallMs, 1),
          filesPerSecond: round(filesPerSecond, 2),
          latencyMs: Object.fromEntries(Object.entries(seedLatency).map(([key, value]) => [key, round(value, 3)])),
          warningFields: Object.fromEntries(seeded.warningFields),
          runTag: seeded.runTag,
        },
        connections: config.connections,
        durationSeconds: config.durationSeconds,
        warmupSeconds: config.warmupSeconds,
        latencySource: 'per-response hrtime from autocannon `response` events, exact nearest-rank percentiles (ms)',
        searchText,
        detailFileId: targetId,
        list: list.details,
        search: search.details,
        detail: detail.details,
      },
    };
  },
};
