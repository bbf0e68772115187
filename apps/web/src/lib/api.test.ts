import { describe, expect, it } from 'vitest';
import { buildUrl } from './api.ts';

describe('download addresses from schema paths', () => {
  it('fills the path parameters, encoded', () => {
    expect(buildUrl('/api/v1/reports/{id}/export.docx', { path: { id: 'a/b c' } })).toBe('/api/v1/reports/a%2Fb%20c/export.docx');
    expect(buildUrl('/api/v1/victim-files/export-identified')).toBe('/api/v1/victim-files/export-identified');
  });

  it('leaves empty query values out, as the client does', () => {
    expect(buildUrl('/api/v1/victim-files/export.xlsx', { query: { q: 'Lan', status: undefined, orgUnitId: '', fileStatus: null } })).toBe(
      '/api/v1/victim-files/export.xlsx?q=Lan',
    );
    expect(buildUrl('/api/v1/victim-files/export.xlsx', { query: { sort: undefined } })).toBe('/api/v1/victim-files/export.xlsx');
  });
});
