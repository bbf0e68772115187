import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Agent, type TestApp } from '../../../testing/test-app.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../../packages/domain/src/plans/import/fixtures');

let t: TestApp;
let office: Agent;
let planId: string;
let taskCount: number;

beforeAll(async () => {
  t = await createTestApp();
  office = await loginAs(t.app, 'tinh.thuongtruc');
  const text = readFileSync(path.join(fixtures, 'plan-hai-phong-2016-2020.txt'), 'utf8');
  const imported = await office.post('/api/v1/plan-imports', { fileName: 'plan-hai-phong-2016-2020.txt', text });
  expect(imported.statusCode).toBe(201);
  const confirmed = await office.post(`/api/v1/plan-imports/${imported.json<{ id: string }>().id}/confirm`);
  expect(confirmed.statusCode).toBe(201);
  const plan = confirmed.json<{ id: string; taskSummary: { total: number } }>();
  planId = plan.id;
  taskCount = plan.taskSummary.total;
});
afterAll(() => t.close());

describe('plan exports', () => {
  it('exports the plan as a Word document in the official layout that opens', async () => {
    const response = await office.get(`/api/v1/plans/${planId}/export.docx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml.document');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="ke-hoach[^"]*\.docx"; filename\*=UTF-8''/);
    const { value: text } = await mammoth.extractRawText({ buffer: response.rawPayload });
    const order = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'KẾ HOẠCH', 'NHIỆM VỤ, GIẢI PHÁP', 'Nơi nhận:'];
    const positions = order.map((line) => text.indexOf(line));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions.slice(2)).toEqual([...positions.slice(2)].sort((a, b) => a - b));
    expect(text).toContain('Số:');
    expect(text).toMatch(/chủ trì/);
  });

  it('exports the task status table with one row per task', async () => {
    const response = await office.get(`/api/v1/plans/${planId}/tasks.xlsx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Tiến độ nhiệm vụ')!;
    const header = sheet.getRow(4).values as unknown[];
    expect(header).toContain('Nội dung nhiệm vụ');
    const dataRows = sheet.getRows(5, sheet.rowCount - 4)?.filter((row) => row.getCell(3).value) ?? [];
    expect(dataRows).toHaveLength(taskCount);
    expect(taskCount).toBeGreaterThan(10);
  });

  it('answers 404 for a plan that does not exist, as for one outside scope', async () => {
    const missing = await office.get('/api/v1/plans/01890000-0000-7000-8000-000000000000/export.docx');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const commune = await loginAs(t.app, 'xa.a');
    expect((await commune.get(`/api/v1/plans/${planId}/tasks.xlsx`)).statusCode).toBe(404);
  });
});
