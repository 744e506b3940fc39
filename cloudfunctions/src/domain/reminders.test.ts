import { MEETING_OFFSETS, chooseChannel, dueOffset, monthKey, smsParams, templateData, DEFAULT_FIELD_MAPS } from './reminders';

const start = new Date('2026-12-03T14:30:00+08:00');
const at = (hoursBefore: number) => new Date(start.getTime() - hoursBefore * 3600_000);

describe('会前提醒的时点', () => {
  test('会前 24 小时起发 24 小时提醒，直到 1 小时档开始', () => {
    expect(dueOffset(MEETING_OFFSETS, start, at(25))).toBeUndefined();
    expect(dueOffset(MEETING_OFFSETS, start, at(24))?.kind).toBe('meeting.24h');
    expect(dueOffset(MEETING_OFFSETS, start, at(2))?.kind).toBe('meeting.24h');
    expect(dueOffset(MEETING_OFFSETS, start, at(1))?.kind).toBe('meeting.1h');
    expect(dueOffset(MEETING_OFFSETS, start, at(0.1))?.kind).toBe('meeting.1h');
  });
  test('开始以后不再提醒', () => {
    expect(dueOffset(MEETING_OFFSETS, start, at(0))).toBeUndefined();
    expect(dueOffset(MEETING_OFFSETS, start, at(-1))).toBeUndefined();
  });
});

describe('渠道', () => {
  const base = { openid: 'o1', quota: 1, refused: false, smsOptInPhone: null, officeSmsPhone: null, smsAvailable: true };
  test('有订阅额度走订阅消息', () => expect(chooseChannel(base)).toEqual({ channel: 'subscribe', openid: 'o1' }));
  test('没有额度、没开短信：没有订阅', () => expect(chooseChannel({ ...base, quota: 0 })).toEqual({ channel: null, reason: 'no_quota' }));
  test('拒收过的不再走订阅消息', () => expect(chooseChannel({ ...base, refused: true })).toEqual({ channel: null, reason: 'refused' }));
  test('没有额度但本人开通了短信：走短信', () =>
    expect(chooseChannel({ ...base, quota: 0, smsOptInPhone: '13800000001' })).toEqual({ channel: 'sms', phone: '13800000001' }));
  test('短信没开通：说清楚', () =>
    expect(chooseChannel({ ...base, quota: 0, smsOptInPhone: '13800000001', smsAvailable: false })).toEqual({ channel: null, reason: 'sms_disabled' }));
  test('未绑定、办公室开通了短信：用名册手机号', () =>
    expect(chooseChannel({ ...base, openid: null, officeSmsPhone: '13800000002' })).toEqual({ channel: 'sms', phone: '13800000002' }));
  test('未绑定、办公室开通了但名册没有手机号', () =>
    expect(chooseChannel({ ...base, openid: null, officeSmsPhone: '' })).toEqual({ channel: null, reason: 'no_phone' }));
  test('未绑定、没开短信', () => expect(chooseChannel({ ...base, openid: null })).toEqual({ channel: null, reason: 'unbound' }));
  test('已绑定的人，办公室的开通不算数（由本人开通）', () =>
    expect(chooseChannel({ ...base, quota: 0, officeSmsPhone: '13800000002' })).toEqual({ channel: null, reason: 'no_quota' }));
});

describe('消息内容', () => {
  test('会议提醒的字段合乎长度', () => {
    const data = templateData(DEFAULT_FIELD_MAPS.meeting, {
      title: '关于召开经济委功能型党支部十二月主题党日活动的通知（请带党员证）',
      time: start.toISOString(),
      place: '三楼会议室',
      note: '明天此时开始',
      page: '/events/detail/index?id=x',
    });
    expect(data.time2.value).toBe('2026年12月03日 14:30');
    expect(Array.from(data.thing1.value).length).toBeLessThanOrEqual(20);
    expect(data.thing3.value).toBe('三楼会议室');
  });
  test('短信参数', () =>
    expect(smsParams({ title: '主题党日', time: start.toISOString(), note: '一小时后开始', page: '' })).toEqual([
      '主题党日',
      '12月03日 14:30',
      '一小时后开始',
    ]));
  test('额度按北京时间的月份', () => expect(monthKey(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12'));
});
