import { meetingDuty, rankTodos, sameBeijingDay } from './todos';

const at = (s: string) => new Date(`${s}+08:00`);
const NOW = at('2026-11-26T09:10:00');

describe('待办的先后', () => {
  const item = (
    id: string,
    kind: 'checkin' | 'attend' | 'decideLeave' | 'answerAppeal' | 'notice',
    dueAt: string | null,
    extra: { windowOpen?: boolean; happenedAt?: string } = {},
  ) => ({
    item: { id, kind, dueAt: dueAt ? at(dueAt).toISOString() : null },
    ...extra,
  });

  test('正能签到的会排在最前，其次是一天内要审批的请假，再是申诉，本周稍后的会，最后是通知', () => {
    const ranked = rankTodos(
      [
        item('notice', 'notice', null, { happenedAt: at('2026-11-26T08:00:00').toISOString() }),
        item('later-meeting', 'attend', '2026-11-29T09:00:00'),
        item('appeal', 'answerAppeal', null, { happenedAt: at('2026-11-20T08:00:00').toISOString() }),
        item('leave-tomorrow', 'decideLeave', '2026-11-27T09:00:00'),
        item('checkin-now', 'checkin', '2026-11-26T09:00:00', { windowOpen: true }),
      ],
      NOW,
    );
    expect(ranked.map((x) => x.item.id)).toEqual(['checkin-now', 'leave-tomorrow', 'appeal', 'later-meeting', 'notice']);
  });

  test('同一档里期限早的在前；通知是新的在前；等得最久的申诉在前', () => {
    const ranked = rankTodos(
      [
        item('n-old', 'notice', null, { happenedAt: at('2026-11-20T08:00:00').toISOString() }),
        item('n-new', 'notice', null, { happenedAt: at('2026-11-25T08:00:00').toISOString() }),
        item('a-new', 'answerAppeal', null, { happenedAt: at('2026-11-25T08:00:00').toISOString() }),
        item('a-old', 'answerAppeal', null, { happenedAt: at('2026-11-21T08:00:00').toISOString() }),
        item('m-sat', 'attend', '2026-11-28T09:00:00'),
        item('m-fri', 'attend', '2026-11-27T15:00:00'),
      ],
      NOW,
    );
    expect(ranked.map((x) => x.item.id)).toEqual(['a-old', 'a-new', 'm-fri', 'm-sat', 'n-new', 'n-old']);
  });
});

describe('成员的会：签到、参加或请假，还是不用管', () => {
  const meeting = (over: Partial<Parameters<typeof meetingDuty>[0]> = {}) =>
    meetingDuty({
      now: NOW,
      startsAt: at('2026-11-26T14:00:00'),
      endsAt: at('2026-11-26T16:00:00'),
      checkinOpensAt: at('2026-11-26T13:30:00'),
      checkinClosesAt: at('2026-11-26T16:00:00'),
      cancelled: false,
      checkedIn: false,
      leave: null,
      ...over,
    });

  test('今天下午的会，还没到签到时间，也算今天要签到的会', () => expect(meeting()).toBe('checkin'));
  test('过两天的会：参加或请假', () =>
    expect(
      meeting({
        startsAt: at('2026-11-28T09:00:00'),
        endsAt: at('2026-11-28T11:00:00'),
        checkinOpensAt: at('2026-11-28T08:30:00'),
        checkinClosesAt: at('2026-11-28T11:00:00'),
      }),
    ).toBe('attend'));
  test('已签到的会不再出现', () => expect(meeting({ checkedIn: true })).toBeNull());
  test('请了假（待批或已批）的会不再催', () => {
    expect(meeting({ leave: 'pending' })).toBeNull();
    expect(meeting({ leave: 'approved' })).toBeNull();
  });
  test('请假未批准的会仍要参加', () => expect(meeting({ leave: 'refused' })).toBe('checkin'));
  test('取消的会、已结束的会、签到已截止的会都不用管', () => {
    expect(meeting({ cancelled: true })).toBeNull();
    expect(meeting({ now: at('2026-11-26T16:30:00') })).toBeNull();
    expect(meeting({ now: at('2026-11-26T15:30:00'), checkinClosesAt: at('2026-11-26T15:00:00') })).toBeNull();
  });
});

test('北京时间的同一天：UTC 的前一天 16 点以后已是北京的第二天', () => {
  expect(sameBeijingDay(new Date('2026-11-25T16:30:00Z'), at('2026-11-26T09:00:00'))).toBe(true);
  expect(sameBeijingDay(new Date('2026-11-25T15:30:00Z'), at('2026-11-26T09:00:00'))).toBe(false);
});
