import { adjustRefusal, answerAppealRefusal, openYearRefusal, recordFiveOneRefusal, reverseRefusal } from './points-authority';

const now = new Date('2026-11-26T09:00:00+08:00');
const january = new Date('2027-01-05T09:00:00+08:00');
const secretary = { memberId: 'sec', isAdmin: false };
const office = { memberId: 'admin', isAdmin: true };
const partyEntry = (over: Partial<{ memberId: string; operatorId: string | null }> = {}) => ({
  memberId: 'wang',
  track: 'party' as const,
  operatorId: 'sec',
  ...over,
});

describe('谁可以让谁的积分发生变化', () => {
  describe('不能对自己动手', () => {
    test('书记不给自己评定，办公室也不行', () => {
      expect(adjustRefusal(secretary, { memberId: 'sec', track: 'party', year: 2026 }, now)).toBe('POINTS.SELF');
      expect(adjustRefusal(office, { memberId: 'admin', track: 'duty', year: 2026 }, now)).toBe('POINTS.SELF');
    });
    test('不能冲正对自己的扣分（哪怕是别人记的）', () => {
      expect(reverseRefusal(secretary, partyEntry({ memberId: 'sec', operatorId: 'other' }))).toBe('POINTS.SELF');
      expect(reverseRefusal(office, { memberId: 'admin', track: 'duty', operatorId: 'other' })).toBe('POINTS.SELF');
    });
    test('不能答复自己的申诉', () =>
      expect(answerAppealRefusal(secretary, { memberId: 'sec' }, partyEntry({ memberId: 'sec', operatorId: 'other' }))).toBe('POINTS.SELF'));
    test('不能为自己登记五个一', () => expect(recordFiveOneRefusal(secretary, { memberId: 'sec', date: '2026-11-20' }, now)).toBe('POINTS.SELF'));
  });

  describe('申诉由评定人以外的人答复', () => {
    test('评定人自己不能裁决', () => expect(answerAppealRefusal(secretary, { memberId: 'wang' }, partyEntry())).toBe('POINTS.OWN_ENTRY'));
    test('办公室评定的，另一位管理员答复', () => {
      expect(answerAppealRefusal(office, { memberId: 'wang' }, partyEntry({ operatorId: 'admin' }))).toBe('POINTS.OWN_ENTRY');
      expect(answerAppealRefusal({ memberId: 'admin2', isAdmin: true }, { memberId: 'wang' }, partyEntry({ operatorId: 'admin' }))).toBeNull();
    });
    test('支部的另一位书记可以答复', () => expect(answerAppealRefusal({ memberId: 'deputy', isAdmin: false }, { memberId: 'wang' }, partyEntry())).toBeNull());
    test('书记不能借答复申诉冲正办公室的履职评定', () =>
      expect(answerAppealRefusal(secretary, { memberId: 'wang' }, { memberId: 'wang', track: 'duty', operatorId: 'admin' })).toBe('POINTS.OFFICE_ONLY'));
  });

  describe('履职积分与自动记分只归办公室', () => {
    test('书记不评定履职积分', () => expect(adjustRefusal(secretary, { memberId: 'wang', track: 'duty', year: 2026 }, now)).toBe('POINTS.OFFICE_ONLY'));
    test('书记不冲正签到自动记的分', () => expect(reverseRefusal(secretary, partyEntry({ operatorId: null }))).toBe('POINTS.OFFICE_ONLY'));
    test('办公室可以冲正任何别人的记录', () => expect(reverseRefusal(office, { memberId: 'wang', track: 'duty', operatorId: null })).toBeNull());
  });

  describe('只能记入开着的年度', () => {
    test('本年度与上一年度可以', () => {
      expect(openYearRefusal(2026, now)).toBeNull();
      expect(openYearRefusal(2025, now)).toBeNull();
      expect(openYearRefusal(2026, january)).toBeNull();
    });
    test('更早的与将来的年度都不行', () => {
      expect(openYearRefusal(2024, now)).toBe('POINTS.YEAR_NOT_OPEN');
      expect(openYearRefusal(2027, now)).toBe('POINTS.YEAR_NOT_OPEN');
      expect(adjustRefusal(secretary, { memberId: 'wang', track: 'party', year: 2024 }, now)).toBe('POINTS.YEAR_NOT_OPEN');
    });
    test('五个一：2001 年与 2099 年都不收，将来的日期不收', () => {
      expect(recordFiveOneRefusal(secretary, { memberId: 'wang', date: '2001-05-01' }, now)).toBe('POINTS.YEAR_NOT_OPEN');
      expect(recordFiveOneRefusal(secretary, { memberId: 'wang', date: '2099-05-01' }, now)).toBe('POINTS.FUTURE_DATE');
      expect(recordFiveOneRefusal(secretary, { memberId: 'wang', date: '2026-11-27' }, now)).toBe('POINTS.FUTURE_DATE');
      expect(recordFiveOneRefusal(secretary, { memberId: 'wang', date: '2026-11-26' }, now)).toBeNull();
      expect(recordFiveOneRefusal(secretary, { memberId: 'wang', date: '2026-12-31' }, january)).toBeNull();
      expect(recordFiveOneRefusal(secretary, { memberId: 'wang', date: '2026-03-01' }, january)).toBeNull();
      expect(recordFiveOneRefusal(secretary, { memberId: 'wang', date: '2025-12-31' }, january)).toBe('POINTS.YEAR_NOT_OPEN');
    });
    test('北京时间跨年：12 月 31 日晚上已是新年的前一刻', () =>
      expect(recordFiveOneRefusal(secretary, { memberId: 'wang', date: '2027-01-01' }, new Date('2026-12-31T16:30:00Z'))).toBeNull());
  });
});
