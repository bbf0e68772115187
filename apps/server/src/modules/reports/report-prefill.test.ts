import type { ReportDetail } from '@atmis/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Agent, type TestApp } from '../../testing/test-app.ts';
import type { PrefillContext } from '../../platform/prefill/prefill-registry.ts';
import { agencyIds, createSchedule, defaultTemplateId, detail, reportOf, save } from './report-test-kit.ts';

/**
 * The prefill mechanism. The provider registered below is a TEST FIXTURE: it stands in for a
 * tip-offs module (none exists yet) and answers fixed counts.
 */
let t: TestApp;
let office: Agent;
let health: Agent;
let ids: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2026-10-05T02:00:00Z');
  office = await loginAs(t.app, 'tinh.thuongtruc');
  health = await loginAs(t.app, 'so.yte');
  ids = await agencyIds(t);
});
afterAll(() => t.close());

async function healthReport(): Promise<ReportDetail> {
  const schedule = await createSchedule(office, {
    templateId: await defaultTemplateId(t),
    recipientAgencyId: ids['T31.CA']!,
    reporterAgencyIds: [ids['T31.SYT']!],
  });
  return detail(health, (await reportOf(health, schedule.id, ids['T31.SYT']!)).id);
}

describe('prefill from records', () => {
  it('lists exactly the report’s tables whose source has a provider', async () => {
    const report = await healthReport();
    const provided = new Set(t.app.prefill.sources());
    const expected = report.template.definition.tables
      .filter((table) => table.prefill && provided.has(table.prefill))
      .map((table) => table.key);
    expect(report.prefill.sources.map((source) => source.table)).toEqual(expected);
    for (const source of report.prefill.sources) expect(provided.has(source.source)).toBe(true);
  });

  it('shows what a registered provider counts for the unit and window, and flags the cells that differ', async () => {
    const calls: PrefillContext[] = [];
    // Test fixture standing in for a tip-offs module (none exists yet): 12 received, 9 classified.
    const unregister = t.app.prefill.register('tipoffs', 'Tin báo, tố giác (dữ liệu kiểm thử)', async (_executor, context) => {
      calls.push(context);
      return {
        tipoffs: { received: { total: 12 }, classified: { total: 9 }, not_a_row: { total: 1 } },
        victims_received: { received: { total: 99 } }, // not a table of this source: ignored
      };
    });
    const tipoffs = (report: ReportDetail) => report.prefill.differences.filter((d) => d.path.startsWith('tables.tipoffs.'));
    try {
      let report = await healthReport();
      expect(calls.at(-1)).toMatchObject({
        orgUnitId: 'VN.31',
        agencyId: ids['T31.SYT'],
        window: { start: '2026-06-15', end: '2026-09-14' },
      });
      expect(calls.at(-1)!.tables.map((table) => table.key)).toEqual(['tipoffs']);
      expect(report.prefill.tables.tipoffs).toEqual({ received: { total: 12 }, classified: { total: 9 } });
      expect(report.prefill.tables.victims_received?.received?.total).not.toBe(99);
      expect(report.prefill.sources).toContainEqual({ table: 'tipoffs', source: 'tipoffs', label: 'Tin báo, tố giác (dữ liệu kiểm thử)' });
      // Nothing entered yet: every counted cell differs.
      expect(tipoffs(report)).toEqual([
        { path: 'tables.tipoffs.received.total', entered: null, fromRecords: 12 },
        { path: 'tables.tipoffs.classified.total', entered: null, fromRecords: 9 },
      ]);

      // The department enters its own figures: the cell that disagrees with the records is flagged.
      report = await save(health, report, { tipoffs: { received: { total: 12 }, classified: { total: 8 }, resolved: { total: 5 } } });
      expect(tipoffs(report)).toEqual([{ path: 'tables.tipoffs.classified.total', entered: 8, fromRecords: 9 }]);
    } finally {
      unregister();
    }
    const after = await healthReport();
    expect(after.prefill.sources.some((source) => source.source === 'tipoffs')).toBe(t.app.prefill.sources().includes('tipoffs'));
  });
});
