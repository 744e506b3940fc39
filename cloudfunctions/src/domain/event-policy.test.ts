import { PARTY_ONLY_KINDS, defaultEventKindFor, eventKindsFor } from '@tongxin/shared-types';
import { BACKFILL_MAX_DAYS, attendanceConfirmation, checkinEligibility, judgeScanDelay, judgeSchedule, mayHold } from './event-policy';

const at = (iso: string) => new Date(iso);
const NOW = at('2026-11-26T15:00:00+08:00');

describe('谁能办哪类活动', () => {
  test('书记只能办本支部的组织生活，默认主题党日；全体会议、常委会议只有办公室能办', () => {
    expect(eventKindsFor(['member', 'secretary'])).toEqual(PARTY_ONLY_KINDS);
    expect(defaultEventKindFor(['member', 'secretary'])).toBe('主题党日');
    expect(mayHold(['member', 'secretary'], '全体会议')).toBe(false);
    expect(mayHold(['member', 'secretary'], '常委会议')).toBe(false);
    expect(mayHold(['staff', 'admin'], '全体会议')).toBe(true);
    expect(mayHold(['member'], '主题党日')).toBe(false);
  });
});

describe('谁能签到', () => {
  test('组织生活只收参加对象里的党员：非党员即使在“全体”里也不收', () => {
    expect(checkinEligibility('支部党员大会', { inAudience: true, isPartyMember: false })).toBe('party_only');
    expect(checkinEligibility('主题党日', { inAudience: false, isPartyMember: true })).toBe('party_only');
    expect(checkinEligibility('党课', { inAudience: true, isPartyMember: true })).toBe('ok');
  });
  test('讲座、委员之家活动欢迎旁听；调研、全体会议只收参加对象', () => {
    expect(checkinEligibility('政协讲堂', { inAudience: false, isPartyMember: false })).toBe('ok');
    expect(checkinEligibility('委员之家活动', { inAudience: false, isPartyMember: false })).toBe('ok');
    expect(checkinEligibility('调研', { inAudience: false, isPartyMember: true })).toBe('not_in_audience');
    expect(checkinEligibility('全体会议', { inAudience: true, isPartyMember: false })).toBe('ok');
  });
});

describe('补录', () => {
  test('开会十几分钟后才建的不算补录', () => {
    expect(judgeSchedule(at('2026-11-26T14:50:00+08:00'), NOW)).toEqual({ backfill: false });
    expect(judgeSchedule(at('2026-11-27T09:00:00+08:00'), NOW)).toEqual({ backfill: false });
  });
  test('几小时、几天前的是补录；超过 7 天拒绝', () => {
    expect(judgeSchedule(at('2026-11-26T09:00:00+08:00'), NOW)).toEqual({ backfill: true });
    expect(judgeSchedule(new Date(NOW.getTime() - BACKFILL_MAX_DAYS * 86_400_000 + 60_000), NOW)).toEqual({ backfill: true });
    expect(judgeSchedule(new Date(NOW.getTime() - BACKFILL_MAX_DAYS * 86_400_000 - 60_000), NOW)).toEqual({ refused: 'too_old' });
  });
});

describe('扫码送达得晚', () => {
  test('两分钟以内按扫码时间当场记分；更晚的是离线补交，等组织者确认', () => {
    expect(judgeScanDelay(at('2026-11-26T09:00:00Z'), at('2026-11-26T09:02:00Z'))).toEqual({ kind: 'live' });
    expect(judgeScanDelay(at('2026-11-26T09:00:00Z'), at('2026-11-26T09:02:01Z'))).toEqual({ kind: 'offline' });
  });
  test('未确认的补录先于离线补交：都不当场记分', () => {
    expect(attendanceConfirmation({ backfill: true, backfillConfirmed: false }, { kind: 'live' })).toBe('backfill');
    expect(attendanceConfirmation({ backfill: true, backfillConfirmed: true }, { kind: 'offline' })).toBe('offline');
    expect(attendanceConfirmation({ backfill: false, backfillConfirmed: false }, { kind: 'live' })).toBeNull();
  });
});
