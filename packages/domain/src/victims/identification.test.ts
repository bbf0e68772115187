import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../plans/task-timing.ts';
import {
  applyIdentificationTransition,
  IDENTIFICATION_STATUSES,
  IDENTIFICATION_TRANSITIONS,
  initialIdentificationState,
  nextIdentificationStatus,
  roleForIdentificationStatus,
  type IdentificationInput,
  type IdentificationResult,
  type IdentificationState,
  type IdentificationStatus,
} from './identification.ts';

const RECEIVED_ON = '2026-03-02';
const TODAY = '2026-03-10';

const victimDecision: IdentificationInput = {
  decidingAgency: 'Công an tỉnh Lào Cai',
  decisionNumber: '15/XĐNN-CAT',
  decisionDate: '2026-03-09',
  legalBasis: 'Điều 32 Luật Phòng, chống mua bán người 2024; biên bản xác minh ngày 05/3/2026',
  evidenceSources: ['person_statement', 'foreign_authority'],
};

function success(result: IdentificationResult) {
  if (!result.ok) throw new Error(`expected success, got ${result.message} ${JSON.stringify(result.fieldErrors)}`);
  return result;
}
function failure(result: IdentificationResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result;
}

const verifying = (): IdentificationState =>
  success(applyIdentificationTransition(initialIdentificationState(RECEIVED_ON), 'start_verification', {}, TODAY)).state;

describe('identification state machine', () => {
  const expected: Record<string, IdentificationStatus> = {
    'received/start_verification': 'verifying',
    'verifying/decide_victim': 'identified_victim',
    'verifying/decide_not_victim': 'not_victim',
    'identified_victim/revise': 'verifying',
    'not_victim/revise': 'verifying',
  };
  it('allows exactly the listed transitions, exhaustively', () => {
    for (const status of IDENTIFICATION_STATUSES) {
      for (const transition of IDENTIFICATION_TRANSITIONS) {
        expect(nextIdentificationStatus(status, transition), `${status}/${transition}`).toBe(expected[`${status}/${transition}`] ?? null);
      }
    }
  });
  it('gives the person the role that follows the status', () => {
    expect(roleForIdentificationStatus('received')).toBe('under_identification');
    expect(roleForIdentificationStatus('verifying')).toBe('under_identification');
    expect(roleForIdentificationStatus('identified_victim')).toBe('victim');
    expect(roleForIdentificationStatus('not_victim')).toBe('not_victim');
  });
  it('refuses a decision before verification has started, in Vietnamese', () => {
    const result = failure(applyIdentificationTransition(initialIdentificationState(RECEIVED_ON), 'decide_victim', victimDecision, TODAY));
    expect(result.code).toBe('transition_not_allowed');
    expect(result.message).toBe('Không thể "quyết định xác định là nạn nhân" khi hồ sơ đang ở trạng thái "Đã tiếp nhận".');
  });
});

describe('deciding', () => {
  it('identifies a victim: new state, history entry, role', () => {
    const result = success(applyIdentificationTransition(verifying(), 'decide_victim', victimDecision, TODAY));
    expect(result.role).toBe('victim');
    expect(result.state).toEqual({
      status: 'identified_victim',
      receivedOn: RECEIVED_ON,
      decision: {
        outcome: 'victim',
        decidingAgency: 'Công an tỉnh Lào Cai',
        decisionNumber: '15/XĐNN-CAT',
        decisionDate: '2026-03-09',
        legalBasis: victimDecision.legalBasis,
        // In the order of the law (points đ, e), whatever order they were ticked in.
        evidenceSources: ['foreign_authority', 'person_statement'],
      },
      lastDecisionDate: '2026-03-09',
    });
    expect(result.entry).toMatchObject({
      transition: 'decide_victim',
      from: 'verifying',
      to: 'identified_victim',
      on: TODAY,
      reason: null,
    });
  });
  it('concludes "not a victim" without evidence sources', () => {
    const result = success(
      applyIdentificationTransition(verifying(), 'decide_not_victim', { ...victimDecision, evidenceSources: [] }, TODAY),
    );
    expect(result.role).toBe('not_victim');
    expect(result.state.decision?.outcome).toBe('not_victim');
  });
  it('requires agency, number, date and legal basis, saying what is missing', () => {
    const result = failure(applyIdentificationTransition(verifying(), 'decide_not_victim', { decidingAgency: '  ' }, TODAY));
    expect(result.code).toBe('invalid_input');
    expect(result.fieldErrors).toEqual({
      decidingAgency: 'Cần ghi cơ quan ra quyết định.',
      decisionNumber: 'Cần ghi số, ký hiệu văn bản quyết định.',
      decisionDate: 'Cần ghi ngày ra quyết định.',
      legalBasis: 'Cần ghi căn cứ pháp lý của quyết định.',
    });
  });
  it('requires at least one evidence source to decide "victim", and only known ones', () => {
    const none = failure(applyIdentificationTransition(verifying(), 'decide_victim', { ...victimDecision, evidenceSources: [] }, TODAY));
    expect(none.fieldErrors.evidenceSources).toContain('Cần ít nhất một căn cứ');
    const bogus = failure(
      applyIdentificationTransition(verifying(), 'decide_victim', { ...victimDecision, evidenceSources: ['rumour'] }, TODAY),
    );
    expect(bogus.fieldErrors.evidenceSources).toBe('Nguồn tài liệu, chứng cứ không hợp lệ: rumour.');
  });
  it('refuses a decision date in the future, before reception, or not in the calendar', () => {
    const at = (decisionDate: string) =>
      applyIdentificationTransition(verifying(), 'decide_victim', { ...victimDecision, decisionDate }, TODAY);
    expect(failure(at('2026-03-11')).fieldErrors.decisionDate).toBe('Ngày ra quyết định không được sau ngày hiện tại (10/03/2026).');
    expect(failure(at('2026-03-01')).fieldErrors.decisionDate).toBe('Ngày ra quyết định không được trước ngày tiếp nhận (02/03/2026).');
    expect(failure(at('2026-02-30')).fieldErrors.decisionDate).toBe('Ngày ra quyết định không hợp lệ.');
    expect(success(at(RECEIVED_ON)).state.decision?.decisionDate).toBe(RECEIVED_ON);
    expect(success(at(TODAY)).state.decision?.decisionDate).toBe(TODAY);
  });
  it('refuses over-long text and characters that cannot be stored', () => {
    const long = failure(
      applyIdentificationTransition(verifying(), 'decide_victim', { ...victimDecision, decisionNumber: 'x'.repeat(51) }, TODAY),
    );
    expect(long.fieldErrors.decisionNumber).toContain('tối đa 50');
    const nul = failure(applyIdentificationTransition(verifying(), 'decide_victim', { ...victimDecision, legalBasis: 'a\u0000' }, TODAY));
    expect(nul.fieldErrors.legalBasis).toContain('ký tự không hợp lệ');
  });
});

describe('revising a decision', () => {
  const identified = () => success(applyIdentificationTransition(verifying(), 'decide_victim', victimDecision, TODAY)).state;
  it('requires a reason', () => {
    const result = failure(applyIdentificationTransition(identified(), 'revise', { reason: ' ' }, TODAY));
    expect(result.fieldErrors.reason).toBe('Cần ghi lý do xem xét lại (tài liệu, chứng cứ mới).');
  });
  it('reopens verification, keeps the old decision in the history and makes the person "being identified" again', () => {
    const before = identified();
    const result = success(
      applyIdentificationTransition(before, 'revise', { reason: 'Có kết quả xác minh mới từ Công an tỉnh bạn' }, '2026-04-01'),
    );
    expect(result.state).toEqual({ status: 'verifying', receivedOn: RECEIVED_ON, decision: null, lastDecisionDate: '2026-03-09' });
    expect(result.entry.revisedDecision).toEqual(before.decision);
    expect(result.entry.reason).toBe('Có kết quả xác minh mới từ Công an tỉnh bạn');
    expect(result.role).toBe('under_identification');
  });
  it('does not let the new decision predate the one it replaces', () => {
    const reopened = success(applyIdentificationTransition(identified(), 'revise', { reason: 'Tài liệu mới' }, '2026-04-01')).state;
    const early = failure(
      applyIdentificationTransition(reopened, 'decide_not_victim', { ...victimDecision, decisionDate: '2026-03-05' }, '2026-04-02'),
    );
    expect(early.fieldErrors.decisionDate).toBe('Ngày ra quyết định không được trước ngày của quyết định trước đó (09/03/2026).');
    const later = success(
      applyIdentificationTransition(
        reopened,
        'decide_not_victim',
        { ...victimDecision, decisionNumber: '20/KL', decisionDate: '2026-04-02' },
        '2026-04-02',
      ),
    );
    expect(later.role).toBe('not_victim');
    expect(later.state.lastDecisionDate).toBe('2026-04-02');
  });
});

describe('property: any sequence of transitions', () => {
  const inputFor = (transition: string, day: string): IdentificationInput =>
    transition === 'revise' ? { reason: 'Tài liệu, chứng cứ mới' } : { ...victimDecision, decisionDate: day };
  it('moves only along the table, keeps the role in step, and a decision exactly when decided', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...IDENTIFICATION_TRANSITIONS), { maxLength: 25 }), (transitions) => {
        let state = initialIdentificationState(RECEIVED_ON);
        let day = RECEIVED_ON;
        for (const transition of transitions) {
          const result = applyIdentificationTransition(state, transition, inputFor(transition, day), day);
          const expectedNext = nextIdentificationStatus(state.status, transition);
          if (expectedNext === null) {
            expect(result.ok).toBe(false);
            continue;
          }
          const { state: next, role, entry } = success(result);
          expect(next.status).toBe(expectedNext);
          expect(role).toBe(roleForIdentificationStatus(next.status));
          expect(entry.from).toBe(state.status);
          expect(next.decision !== null).toBe(next.status === 'identified_victim' || next.status === 'not_victim');
          if (next.decision) expect(next.decision.decisionDate >= RECEIVED_ON).toBe(true);
          state = next;
          day = addDays(day, 1);
        }
      }),
    );
  });
});
