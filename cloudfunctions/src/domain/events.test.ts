import { finalizeSummary } from './events';

describe('定案的一句话', () => {
  test('主题党日缺席不扣分：写明真实人数，并照直说不扣分', () => {
    expect(finalizeSummary({ kind: '主题党日', expected: 12, checkedIn: 9, excused: 2, absentees: 1, deductions: [] })).toBe(
      '应到 12 人，实到 9 人，请假 2 人，缺席 1 人；主题党日缺席不扣分，名单已锁定',
    );
  });
  test('全体到会时不提扣分', () => {
    expect(finalizeSummary({ kind: '党课', expected: 5, checkedIn: 5, excused: 0, absentees: 0, deductions: [] })).toBe(
      '应到 5 人，实到 5 人，请假 0 人，缺席 0 人；全部到会，名单已锁定',
    );
  });
  test('全体会议按规则扣分：每类几人、各记几分', () => {
    expect(
      finalizeSummary({
        kind: '全体会议',
        expected: 500,
        checkedIn: 480,
        excused: 15,
        absentees: 5,
        deductions: [
          { label: '无故缺席', count: 5, points: -30 },
          { label: '请假', count: 15, points: -10 },
        ],
      }),
    ).toBe('应到 500 人，实到 480 人，请假 15 人，缺席 5 人；无故缺席 5 人各记 −30 分，请假 15 人各记 −10 分');
  });
});
