/**
 * `npm run plan:import -- <file>`: parses a plan document (.txt, .md, .docx) and prints the
 * structured result as JSON on stdout. Bad input: Vietnamese message on stderr, exit code 1.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parsePlan } from '@atmis/domain/plans/import/index';
import { extractPlanText } from '../modules/plans/index.ts';

async function main(argv: string[]): Promise<number> {
  const file = argv.find((a) => !a.startsWith('-'));
  if (!file) {
    process.stderr.write('Cách dùng: npm run plan:import -- <tệp .txt | .md | .docx>\n');
    return 1;
  }
  let buffer: Buffer;
  try {
    buffer = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'không tồn tại' : code === 'EISDIR' ? 'là thư mục' : 'không đọc được';
    process.stderr.write(`Lỗi: tệp "${file}" ${reason}.\n`);
    return 1;
  }
  let text: string;
  try {
    text = await extractPlanText(buffer, basename(file));
  } catch (err) {
    process.stderr.write(`Lỗi: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  const result = parsePlan(text);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
