import { SUGGESTION_KINDS, SUGGESTION_STATUSES } from '@tongxin/shared-types';
import { STEPS, type StepState, type SuggestionStep, alreadyMarked, decideStep, dueDate, endOfBeijingDay, formatNumber, isOverdue } from './suggestion';

const base: StepState = { kind: 'proposal', status: 'submitted', rehandled: false, isKey: false, isExcellent: false };

describe('建言的办理流程', () => {
  test('提案：提交 → 立案 → 交办 → 答复 → 满意即办结', () => {
    expect(decideStep('submit', { ...base, status: 'draft' })).toEqual({ ok: true, to: 'submitted', rehandle: false });
    expect(decideStep('file', base)).toEqual({ ok: true, to: 'filed', rehandle: false });
    expect(decideStep('assign', { ...base, status: 'filed' })).toEqual({ ok: true, to: 'assigned', rehandle: false });
    expect(decideStep('reply', { ...base, status: 'assigned' })).toEqual({ ok: true, to: 'replied', rehandle: false });
    expect(decideStep('rate', { ...base, status: 'replied' }, { rating: 'satisfied' })).toEqual({ ok: true, to: 'closed', rehandle: false });
  });

  test('不满意第一次退回重新办理，第二次评价为最终', () => {
    expect(decideStep('rate', { ...base, status: 'replied' }, { rating: 'unsatisfied' })).toEqual({ ok: true, to: 'assigned', rehandle: true });
    expect(decideStep('rate', { ...base, status: 'replied', rehandled: true }, { rating: 'unsatisfied' })).toEqual({ ok: true, to: 'closed', rehandle: false });
  });

  test('办结之后不能再评价', () => {
    expect(decideStep('rate', { ...base, status: 'closed' }, { rating: 'satisfied' })).toEqual({ ok: false, code: 'SUGGEST.WRONG_STATUS' });
  });

  test('提案未立案不能交办；意见建议提交后直接交办', () => {
    expect(decideStep('assign', base)).toEqual({ ok: false, code: 'SUGGEST.WRONG_STATUS' });
    expect(decideStep('assign', { ...base, kind: 'advice' })).toMatchObject({ ok: true, to: 'assigned' });
    expect(decideStep('assign', { ...base, kind: 'advice', status: 'filed' })).toMatchObject({ ok: false });
  });

  test('审查后不能撤回', () => {
    for (const status of ['filed', 'not_filed', 'assigned', 'draft'] as const) expect(decideStep('withdraw', { ...base, status })).toMatchObject({ ok: false });
    expect(decideStep('withdraw', base)).toMatchObject({ ok: true, to: 'withdrawn' });
  });

  test('社情民意不立案，只采用或不采用；采用后才记批示', () => {
    const opinion = { ...base, kind: 'opinion' as const };
    expect(decideStep('file', opinion)).toEqual({ ok: false, code: 'SUGGEST.WRONG_KIND' });
    expect(decideStep('adopt', opinion)).toMatchObject({ ok: true, to: 'adopted' });
    expect(decideStep('instruct', opinion)).toMatchObject({ ok: false, code: 'SUGGEST.WRONG_STATUS' });
    expect(decideStep('instruct', { ...opinion, status: 'adopted' })).toMatchObject({ ok: true, to: 'adopted' });
  });

  test('重点、优秀只标一次', () => {
    expect(alreadyMarked('markKey', { isKey: true, isExcellent: false })).toBe(true);
    expect(alreadyMarked('markKey', { isKey: false, isExcellent: true })).toBe(false);
    expect(alreadyMarked('markExcellent', { isKey: false, isExcellent: true })).toBe(true);
    expect(decideStep('markExcellent', { ...base, status: 'closed' })).toMatchObject({ ok: true, to: 'closed' });
  });

  test('表外的每一步都被拒绝：逐个状态、逐个类别核对', () => {
    for (const [step, rule] of Object.entries(STEPS) as Array<[SuggestionStep, (typeof STEPS)[SuggestionStep]]>) {
      for (const kind of SUGGESTION_KINDS) {
        for (const status of SUGGESTION_STATUSES) {
          const d = decideStep(step, { ...base, kind, status }, { rating: 'satisfied' });
          if (!rule.kinds.includes(kind) || !rule.from.includes(status)) expect(d.ok).toBe(false);
        }
      }
    }
  });

  test('立案编号：年度加四位顺序号', () => {
    expect(formatNumber(2027, 123)).toBe('2027-0123');
    expect(formatNumber(2027, 12345)).toBe('2027-12345');
  });

  test('交办期限按月推算，月底不越月', () => {
    expect(dueDate(new Date('2026-11-30T00:00:00Z'), 3).toISOString()).toBe('2027-02-28T00:00:00.000Z');
    expect(dueDate(new Date('2026-01-15T00:00:00Z'), 6).toISOString()).toBe('2026-07-15T00:00:00.000Z');
  });

  test('期限到那一天北京时间的 24 点', () => {
    expect(endOfBeijingDay(new Date('2027-04-05T01:00:00Z')).toISOString()).toBe('2027-04-05T15:59:59.999Z');
    expect(endOfBeijingDay(new Date('2027-04-05T17:00:00Z')).toISOString()).toBe('2027-04-06T15:59:59.999Z');
  });

  test('逾期：已交办、过了期限、尚未答复', () => {
    const now = new Date('2027-03-01T00:00:00Z');
    expect(isOverdue({ status: 'assigned', dueAt: new Date('2027-02-28T00:00:00Z') }, now)).toBe(true);
    expect(isOverdue({ status: 'replied', dueAt: new Date('2027-02-28T00:00:00Z') }, now)).toBe(false);
  });
});
