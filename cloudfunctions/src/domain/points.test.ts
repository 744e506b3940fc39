import { checkAdjustment, decideAward, explainEntry, reversalLabel, yearOf } from './points';

describe('积分的纯规则', () => {
  test('年度按北京时间：12 月 31 日晚上的会议算当年，元旦凌晨算新年', () => {
    expect(yearOf(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(yearOf(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
  });

  test('手工评定的分值须在规则范围内，自动规则不能手工评定', () => {
    const conduct = { name: '品行评定', basis: 'manual' as const, points: 5, minPoints: -10, maxPoints: 10, yearlyCap: null };
    expect(checkAdjustment(conduct, 10)).toBeNull();
    expect(checkAdjustment(conduct, -11)).toContain('-10 到 10');
    expect(checkAdjustment({ ...conduct, name: '集中学习', basis: 'attendance' }, 2)).toContain('自动计分');
  });

  test('扣分用真正的减号显示', () => {
    expect(
      explainEntry({
        ruleName: '品行评定',
        sourceTitle: '支部评定',
        points: -2,
        requestedPoints: -2,
        yearlyCap: null,
        usedAfter: -2,
        operatorName: '书记乙',
        reason: '迟到',
        isReversal: false,
      }),
    ).toBe('「支部评定」按规则「品行评定」，记 −2 分，由书记乙评定，原因：迟到');
  });

  test('解释说清来源、规则、上限用量与评定人', () => {
    expect(
      explainEntry({
        ruleName: '集中学习',
        sourceTitle: '十一月中心组学习',
        points: 2,
        requestedPoints: 2,
        yearlyCap: 12,
        usedAfter: 8,
        operatorName: null,
        reason: '',
        isReversal: false,
      }),
    ).toBe('「十一月中心组学习」按规则「集中学习」，记 +2 分，年度上限 12 分，已用 8 分');
    expect(
      explainEntry({
        ruleName: '集中学习',
        sourceTitle: '十二月中心组学习',
        points: 0,
        requestedPoints: 2,
        yearlyCap: 12,
        usedAfter: 12,
        operatorName: null,
        reason: '',
        isReversal: false,
      }),
    ).toContain('应得 +2 分，因已达年度上限 12 分，实记 0 分');
    expect(
      explainEntry({
        ruleName: '品行评定',
        sourceTitle: '品行评定：带头捐款',
        points: 3,
        requestedPoints: 3,
        yearlyCap: null,
        usedAfter: 3,
        operatorName: '书记乙',
        reason: '带头捐款',
        isReversal: false,
      }),
    ).toContain('由书记乙评定，原因：带头捐款');
  });
});

describe('记分的规则（与数据库函数 award_points 一致）', () => {
  const study = { active: true, appliesTo: 'cpc' as const, points: 2, yearlyCap: 12 };
  const base = { yearClosed: false, rule: study, memberIsCpc: true, usedThisYear: 0, existing: null };

  test('上限内照常加分', () => {
    expect(decideAward({ ...base, usedThisYear: 8 })).toEqual({ status: 'awarded', points: 2, requested: 2 });
  });
  test('接近上限时只加到上限', () => {
    expect(decideAward({ ...base, usedThisYear: 11 })).toEqual({ status: 'capped', points: 1, requested: 2 });
  });
  test('年度上限已满时不再加分（仍记一条 0 分）', () => {
    expect(decideAward({ ...base, usedThisYear: 12 })).toEqual({ status: 'capped', points: 0, requested: 2 });
  });
  test('扣分不受年度上限', () => {
    expect(decideAward({ ...base, usedThisYear: 12 }, -3)).toEqual({ status: 'awarded', points: -3, requested: -3 });
  });
  test('没有上限的规则按给的分记', () => {
    expect(decideAward({ ...base, rule: { ...study, yearlyCap: null } }, 30)).toEqual({ status: 'awarded', points: 30, requested: 30 });
  });
  test('同一来源再记一次：不重复，回答已有的那条', () => {
    expect(decideAward({ ...base, existing: { points: 2 } })).toEqual({ status: 'duplicate', points: 2 });
  });
  test('关账的年度不能再记分，哪怕是重复的一次', () => {
    expect(decideAward({ ...base, yearClosed: true, existing: { points: 2 } })).toEqual({ status: 'error', code: 'POINTS.YEAR_CLOSED' });
  });
  test('规则不存在是错误；停用的规则、非党员记党员积分则不记分并说明', () => {
    expect(decideAward({ ...base, rule: null })).toEqual({ status: 'error', code: 'POINTS.RULE_NOT_FOUND' });
    expect(decideAward({ ...base, rule: { ...study, active: false } })).toEqual({ status: 'not_applicable', reason: '规则已停用' });
    expect(decideAward({ ...base, memberIsCpc: false })).toEqual({ status: 'not_applicable', reason: '党员积分只适用于中共党员' });
  });
});

describe('冲正读作发生了什么', () => {
  test('申诉采纳后撤销的扣分：“申诉已采纳，撤销扣分 −3”', () => {
    expect(reversalLabel(-3, true)).toBe('申诉已采纳，撤销扣分 −3');
    expect(
      explainEntry({
        ruleName: '品行评定',
        sourceTitle: '支部评定',
        points: 3,
        requestedPoints: 3,
        yearlyCap: null,
        usedAfter: 0,
        operatorName: '书记乙',
        reason: '经核实确有请假',
        isReversal: true,
        byAppeal: true,
      }),
    ).toBe('申诉已采纳，撤销扣分 −3（「支部评定」），由书记乙答复，答复：经核实确有请假');
  });
  test('书记撤销记错的加分：“撤销加分 +2”，不出现“冲正”', () => {
    expect(reversalLabel(2, false)).toBe('撤销加分 +2');
    const text = explainEntry({
      ruleName: '品行评定',
      sourceTitle: '支部评定',
      points: -2,
      requestedPoints: -2,
      yearlyCap: null,
      usedAfter: 0,
      operatorName: '书记乙',
      reason: '记错了人',
      isReversal: true,
    });
    expect(text).toBe('撤销加分 +2（「支部评定」），由书记乙撤销，原因：记错了人');
    expect(text).not.toContain('冲正');
  });
});
