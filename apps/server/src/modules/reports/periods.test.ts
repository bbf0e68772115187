import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Agent, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let officer: Agent;
beforeAll(async () => {
  t = await createTestApp();
  officer = await loginAs(t.app, 'so.yte');
});
afterAll(() => t.close());

describe('GET /api/v1/periods/{id}', () => {
  it.each([
    ['2026Q1', 'quarter', '2025-12-15', '2026-03-14', 'Quý I năm 2026'],
    ['2026-01', 'month', '2025-12-15', '2026-01-14', 'Tháng 1 năm 2026'],
    ['2026', 'year', '2025-12-15', '2026-12-14', 'Năm 2026'],
    ['2026S2', 'half', '2026-06-15', '2026-12-14', '6 tháng cuối năm 2026'],
    ['2024-07-01..2024-09-30', 'ad_hoc', '2024-07-01', '2024-09-30', 'Đột xuất từ 01/07/2024 đến 30/09/2024'],
  ])('%s answers its Decree 09/2019 data window', async (id, type, start, end, label) => {
    const response = await officer.get(`/api/v1/periods/${encodeURIComponent(id)}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id, type, start, end, label, labelEn: expect.any(String), window: 'decree09' });
  });

  it('gives calendar windows when asked', async () => {
    const response = await officer.get('/api/v1/periods/2026Q1?window=calendar');
    expect(response.json()).toMatchObject({ start: '2026-01-01', end: '2026-03-31', window: 'calendar' });
  });

  it('answers a malformed id with a 400 problem in Vietnamese (or English)', async () => {
    const response = await officer.get('/api/v1/periods/2026Q5');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      code: 'validation.failed',
      errors: [{ path: 'id', message: expect.stringContaining('Mã kỳ báo cáo không hợp lệ') }],
    });
    const english = await officer.get('/api/v1/periods/2024-02-30..2024-03-01', { 'accept-language': 'en' });
    expect(english.json()).toMatchObject({ errors: [{ path: 'id', message: 'A date of the ad hoc period does not exist.' }] });
    expect((await officer.get('/api/v1/periods/2026?window=fiscal')).statusCode).toBe(400);
  });

  it('needs a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/periods/2026' })).statusCode).toBe(401);
  });
});
