import { DEFAULT_TEMPLATE_DEFINITION, emptyReportContent } from '@atmis/domain';
import { describe, expect, it } from 'vitest';
import { analyseDraft, changedPaths, draftFromContent, notePath, saveContentFromDraft } from './report-draft.ts';

const definition = DEFAULT_TEMPLATE_DEFINITION;
const blank = () => draftFromContent(definition, emptyReportContent(definition));
const RECEIVED = 'tables.victims_received.received';
const IDENTIFIED = 'tables.victims_received.identified';

describe('report draft', () => {
  it('shows stored content as strings and sends it back in the template shape', () => {
    const content = emptyReportContent(definition);
    content.tables.victims_received!.received!.total = 0;
    content.narratives.direction = 'Đã ban hành kế hoạch';
    content.notes['some:key'] = 'Ghi chú';
    const draft = draftFromContent(definition, content);
    expect(draft[`${RECEIVED}.total`]).toBe('0');
    expect(draft[`${RECEIVED}.female`]).toBe('');
    expect(draft['narratives.direction']).toBe('Đã ban hành kế hoạch');
    expect(draft[notePath('some:key')]).toBe('Ghi chú');
    const sent = saveContentFromDraft(definition, { ...draft, [notePath('empty')]: '   ' });
    expect(sent.tables?.victims_received?.received?.total).toBe('0');
    expect(sent.tables?.victims_received?.received?.female).toBeNull();
    expect(sent.notes).toEqual({ 'some:key': 'Ghi chú' });
  });

  it('flags what the server would refuse and still checks the valid cells for consistency', () => {
    const draft = {
      ...blank(),
      [`${RECEIVED}.total`]: '10',
      [`${IDENTIFIED}.total`]: '12',
      [`${IDENTIFIED}.female`]: '1,5',
    };
    const analysis = analyseDraft(definition, draft);
    expect(analysis.inputIssues.map((issue) => [issue.code, issue.path])).toEqual([['cell_not_integer', `${IDENTIFIED}.female`]]);
    expect(analysis.consistency.map((issue) => [issue.code, issue.path])).toEqual([['row_exceeds_limit', `${IDENTIFIED}.total`]]);
    expect(analysis.blockers).toHaveLength(2);
  });

  it('asks for a note on an incomplete breakdown and is satisfied once it is written', () => {
    const draft = { ...blank(), [`${RECEIVED}.total`]: '10', [`${RECEIVED}.female`]: '6', [`${RECEIVED}.male`]: '3' };
    const warning = analyseDraft(definition, draft).consistency.find((issue) => issue.severity === 'warning');
    expect(warning?.code).toBe('parts_below_total');
    expect(analyseDraft(definition, draft).blockers.map((issue) => issue.code)).toEqual(['warning_without_note']);
    const explained = { ...draft, [notePath(warning!.key)]: 'Một người chưa xác định giới tính' };
    expect(analyseDraft(definition, explained).blockers).toEqual([]);
  });

  it('counts as changed only what would store something different', () => {
    const base = blank();
    expect(changedPaths(base, { ...base, [`${RECEIVED}.total`]: ' ' })).toEqual([]);
    expect(changedPaths(base, { ...base, [`${RECEIVED}.total`]: '0' })).toEqual([`${RECEIVED}.total`]);
    expect(changedPaths(base, { ...base, 'narratives.direction': '  \r\n' })).toEqual([]);
  });
});
