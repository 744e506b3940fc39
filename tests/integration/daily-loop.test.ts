import ExcelJS from 'exceljs';
import type { LeaveRequestView, MeetingRecordView, NotificationView, PointsLedgerView, TodoList } from '@tongxin/shared-types';
import type { DB } from '../../cloudfunctions/src/db/connect';
import { functions } from '../../cloudfunctions/src/functions';
import { makeDeps, useTestDb } from '../support/db';
import { codeOf, createEvent, eventCaller, screenAt, checkinAt } from '../support/events';
import { createFixtureOrg, type FixtureOrg } from '../support/fixture-org';

jest.setTimeout(30_000);
const t = useTestDb();
let db: DB;
let call: ReturnType<typeof eventCaller>;
beforeAll(() => {
  db = t.db();
  call = eventCaller(db);
});

/** 以某个时间点调用任一函数 */
const fn = (openid: string, f: string, action: string, data: unknown, now: string) =>
  functions[f].handle({ action, data }, openid, makeDeps(db, new Date(now).toISOString()).deps);
const data = <T>(res: { ok: boolean; data?: unknown; error?: unknown }): T => {
  if (!res.ok) throw new Error(JSON.stringify(res.error));
  return res.data as T;
};
const todos = async (openid: string, now: string) => data<TodoList>(await fn(openid, 'home', 'todos', undefined, now));
const kinds = (l: TodoList) => l.items.map((i) => i.kind);

const DAY_BEFORE = '2026-11-25T10:00:00+08:00';
const LATER = '2026-11-25T11:00:00+08:00';

describe('首页待办：请假', () => {
  let org: FixtureOrg;
  let eventId: string;
  beforeAll(async () => {
    org = await createFixtureOrg(db);
    // 明天 9 点的中心组学习，面向经济委功能型支部（书记乙、党员委员）
    eventId = (await createEvent(db, org)).id;
  });

  test('成员看到明天的会；请假后书记首页出现待审批（带角标）并收到通知；批准后书记与办公室的待办都消失，成员看到答复', async () => {
    const before = await todos(org.members.cpc.openid, DAY_BEFORE);
    expect(before.items).toEqual([expect.objectContaining({ kind: 'attend', eventId, link: `/events/detail/index?id=${eventId}` })]);

    const leave = data<LeaveRequestView>(await call(org.members.cpc.openid, 'requestLeave', { eventId, reason: '在外地出差' }, DAY_BEFORE));
    // 请了假就不再催
    expect((await todos(org.members.cpc.openid, DAY_BEFORE)).items).toEqual([]);

    const sec = await todos(org.members.secB.openid, DAY_BEFORE);
    const item = sec.items.find((i) => i.kind === 'decideLeave');
    expect(item).toMatchObject({ leaveId: leave.id, eventId, title: '请假待审批：党员委员', link: `/events/attendance/index?id=${eventId}` });
    expect(item!.detail).toContain('在外地出差');
    expect(sec.eventBadges).toEqual([{ eventId, pendingLeaves: 1 }]);
    // 办公室也能审批，也看得到；别的支部的书记看不到
    expect(kinds(await todos(org.members.admin.openid, DAY_BEFORE))).toContain('decideLeave');
    expect(kinds(await todos(org.members.secA.openid, DAY_BEFORE))).not.toContain('decideLeave');
    const secNotes = data<NotificationView[]>(await call(org.members.secB.openid, 'notifications', { unreadOnly: true }, DAY_BEFORE));
    expect(secNotes).toEqual([expect.objectContaining({ kind: 'leave.requested', title: `请假待审批：${'十一月中心组学习'}`, body: '党员委员：在外地出差' })]);

    // 办公室批了：书记那边也没了，书记的那条通知随之已读
    data(await call(org.members.admin.openid, 'decideLeave', { leaveId: leave.id, approve: true, answer: '同意，会后补学' }, LATER));
    expect(kinds(await todos(org.members.secB.openid, LATER))).not.toContain('decideLeave');
    expect((await todos(org.members.secB.openid, LATER)).eventBadges).toEqual([]);
    expect(data<NotificationView[]>(await call(org.members.secB.openid, 'notifications', { unreadOnly: true }, LATER))).toEqual([]);

    const mine = await todos(org.members.cpc.openid, LATER);
    expect(mine.items).toEqual([
      expect.objectContaining({ kind: 'notice', noticeKind: 'leave.answered', title: '请假已批准：十一月中心组学习', detail: '同意，会后补学' }),
    ]);
    // 看过了（标为已读）就不在待办里
    await call(org.members.cpc.openid, 'markRead', { ids: [mine.items[0].noticeId] }, LATER);
    expect((await todos(org.members.cpc.openid, LATER)).items).toEqual([]);
  });
});

describe('撤回请假', () => {
  test('审批前可以撤回：书记的待办与通知随之消失，名单里不再算请假，可以再请；审批后不能撤回', async () => {
    const org = await createFixtureOrg(db);
    const eventId = (await createEvent(db, org)).id;
    const leave = data<LeaveRequestView>(await call(org.members.cpc.openid, 'requestLeave', { eventId, reason: '家里有事' }, DAY_BEFORE));
    // 别人撤不了
    expect(codeOf(await call(org.members.secB.openid, 'withdrawLeave', { leaveId: leave.id }, DAY_BEFORE))).toBe('NOT_FOUND');
    const withdrawn = data<LeaveRequestView>(await call(org.members.cpc.openid, 'withdrawLeave', { leaveId: leave.id }, DAY_BEFORE));
    expect(withdrawn.status).toBe('withdrawn');
    expect(kinds(await todos(org.members.secB.openid, DAY_BEFORE))).not.toContain('decideLeave');
    expect(data<NotificationView[]>(await call(org.members.secB.openid, 'notifications', { unreadOnly: true }, DAY_BEFORE))).toEqual([]);
    expect(codeOf(await call(org.members.secB.openid, 'decideLeave', { leaveId: leave.id, approve: true }, DAY_BEFORE))).toBe('EVENT.LEAVE_WITHDRAWN');
    expect(codeOf(await call(org.members.cpc.openid, 'withdrawLeave', { leaveId: leave.id }, DAY_BEFORE))).toBe('EVENT.LEAVE_WITHDRAWN');
    // 撤回后又要参加了：成员的待办回来，名单里是未到，活动页上没有请假
    expect(kinds(await todos(org.members.cpc.openid, DAY_BEFORE))).toEqual(['attend']);
    const list = data<{ rows: Array<{ name: string; status: string }> }>(await call(org.members.secB.openid, 'attendance', { eventId }, DAY_BEFORE));
    expect(list.rows.find((r) => r.name === '党员委员')!.status).toBe('absent');
    expect(data<{ myLeave: unknown }>(await call(org.members.cpc.openid, 'get', { eventId }, DAY_BEFORE)).myLeave).toBeNull();

    const again = data<LeaveRequestView>(await call(org.members.cpc.openid, 'requestLeave', { eventId, reason: '还是去不了' }, DAY_BEFORE));
    data(await call(org.members.secB.openid, 'decideLeave', { leaveId: again.id, approve: false, answer: '请按时参加' }, LATER));
    expect(codeOf(await call(org.members.cpc.openid, 'withdrawLeave', { leaveId: again.id }, LATER))).toBe('EVENT.LEAVE_DECIDED');
  });
});

describe('首页待办：今天的会与变更', () => {
  test('今天的会在签到开始后排在最前，签到后消失；本周稍后的会在后；取消的会变成一条通知', async () => {
    const org = await createFixtureOrg(db);
    const today = (await createEvent(db, org)).id;
    const friday = (
      await createEvent(db, org, { title: '周五主题党日', kind: '主题党日', startsAt: '2026-11-28T09:00:00+08:00', endsAt: '2026-11-28T11:00:00+08:00' })
    ).id;
    const farAway = (await createEvent(db, org, { title: '下月学习', startsAt: '2026-12-20T09:00:00+08:00', endsAt: '2026-12-20T11:00:00+08:00' })).id;
    const NOW = '2026-11-26T08:40:00+08:00';
    const list = await todos(org.members.cpc.openid, NOW);
    expect(list.items.map((i) => [i.kind, i.eventId])).toEqual([
      ['checkin', today],
      ['attend', friday],
    ]);
    expect(list.items.map((i) => i.eventId)).not.toContain(farAway);
    // 主题党日是组织生活：非党员不在参加对象里，也不会看到
    expect((await todos(org.members.nonCpc.openid, NOW)).items).toEqual([]);

    const s = await screenAt(db, org, today, '2026-11-26T09:00:00+08:00');
    await checkinAt(db, org.members.cpc.openid, s.token, '2026-11-26T09:00:00+08:00');
    expect((await todos(org.members.cpc.openid, '2026-11-26T09:01:00+08:00')).items.map((i) => i.eventId)).toEqual([friday]);

    data(await call(org.members.admin.openid, 'cancel', { eventId: friday, reason: '与全会时间冲突' }, '2026-11-26T10:00:00+08:00'));
    const after = await todos(org.members.cpc.openid, '2026-11-26T10:01:00+08:00');
    expect(after.items).toEqual([expect.objectContaining({ kind: 'notice', noticeKind: 'event.cancelled', eventId: friday, detail: '原因：与全会时间冲突' })]);
  });

  test('只改结束时间也通知应参加的人，说明改成了什么；只改标题不通知', async () => {
    const org = await createFixtureOrg(db);
    const ev = (await createEvent(db, org)).id;
    data(await call(org.members.admin.openid, 'update', { eventId: ev, endsAt: '2026-11-26T11:30:00+08:00' }, DAY_BEFORE));
    const notes = data<NotificationView[]>(await call(org.members.cpc.openid, 'notifications', undefined, DAY_BEFORE));
    expect(notes).toEqual([
      expect.objectContaining({ kind: 'event.changed', body: '时间改为 11月26日 09:00 至 11:30', link: `/events/detail/index?id=${ev}` }),
    ]);
    data(await call(org.members.admin.openid, 'update', { eventId: ev, title: '十一月中心组学习（扩大）' }, DAY_BEFORE));
    data(await call(org.members.admin.openid, 'update', { eventId: ev, place: '二楼报告厅' }, DAY_BEFORE));
    const all = data<NotificationView[]>(await call(org.members.cpc.openid, 'notifications', undefined, DAY_BEFORE));
    // 同一时刻的两条，次序不论
    expect(all.map((n) => n.body).sort()).toEqual(['地点改为 二楼报告厅', '时间改为 11月26日 09:00 至 11:30'].sort());
  });
});

describe('首页待办：扣分与申诉', () => {
  test('扣分让本人知道；申诉进书记的待办；采纳后成员看到“申诉已采纳，撤销扣分 −3”，台账里原记录与撤销是一项', async () => {
    const org = await createFixtureOrg(db);
    const AT = '2026-11-26T15:00:00+08:00';
    const entry = data<{ id: string }>(
      await fn(
        org.members.secB.openid,
        'points',
        'adjust',
        { memberId: org.members.cpc.id, ruleCode: 'party.conduct', points: -3, reason: '无故缺席主题党日' },
        AT,
      ),
    );
    const mine = await todos(org.members.cpc.openid, AT);
    expect(mine.items).toEqual([
      expect.objectContaining({ kind: 'notice', noticeKind: 'points.deducted', link: '/points/mine/index', detail: '书记乙评定：无故缺席主题党日' }),
    ]);
    expect(mine.items[0].title).toContain('−3');

    const appeal = data<{ id: string }>(await fn(org.members.cpc.openid, 'points', 'appeal', { entryId: entry.id, reason: '当天已向书记请假' }, AT));
    const sec = await todos(org.members.secB.openid, AT);
    expect(sec.items).toEqual([
      expect.objectContaining({ kind: 'answerAppeal', appealId: appeal.id, title: '申诉待答复：党员委员', link: '/points/appeals/index' }),
    ]);
    // 机关支部的书记管不到
    expect(kinds(await todos(org.members.secA.openid, AT))).not.toContain('answerAppeal');

    data(await fn(org.members.admin.openid, 'points', 'answerAppeal', { appealId: appeal.id, accept: true, answer: '经核实确已请假' }, AT));
    expect(kinds(await todos(org.members.secB.openid, AT))).not.toContain('answerAppeal');
    const answered = (await todos(org.members.cpc.openid, AT)).items.find((i) => i.noticeKind === 'points.appealAnswered');
    expect(answered).toMatchObject({ title: '申诉已采纳，撤销扣分 −3：支部评定', detail: '经核实确已请假' });

    const ledger = data<PointsLedgerView>(await fn(org.members.cpc.openid, 'points', 'mine', undefined, AT));
    const conduct = ledger.items.filter((i) => i.ruleCode === 'party.conduct');
    expect(conduct).toHaveLength(1);
    expect(conduct[0]).toMatchObject({ points: -3, net: 0, headline: '支部评定 −3' });
    expect(conduct[0].history.map((h) => h.text)).toEqual([
      '书记乙评定 −3：无故缺席主题党日',
      '提出申诉：当天已向书记请假',
      '申诉已采纳（管理员甲）：经核实确已请假',
      '申诉已采纳，撤销扣分 −3',
    ]);
    const reversal = ledger.entries.find((e) => e.reversesEntryId === entry.id)!;
    expect(reversal.headline).toBe('申诉已采纳，撤销扣分 −3');
    expect(reversal.explanation).not.toContain('冲正');
  });

  test('书记撤销记错的加分：本人收到“撤销加分 +2”', async () => {
    const org = await createFixtureOrg(db);
    const AT = '2026-11-26T15:00:00+08:00';
    const entry = data<{ id: string }>(
      await fn(
        org.members.secB.openid,
        'points',
        'adjust',
        { memberId: org.members.cpc.id, ruleCode: 'party.conduct', points: 2, reason: '带头参加志愿服务' },
        AT,
      ),
    );
    // 加分不算待办
    expect((await todos(org.members.cpc.openid, AT)).items).toEqual([]);
    data(await fn(org.members.secB.openid, 'points', 'reverse', { entryId: entry.id, reason: '记错了人' }, AT));
    expect((await todos(org.members.cpc.openid, AT)).items).toEqual([
      expect.objectContaining({ noticeKind: 'points.reversed', title: '撤销加分 +2：支部评定', detail: '书记乙：记错了人' }),
    ]);
  });
});

describe('会议记录', () => {
  test('抬头、发言要点（会后可补可改，刷新仍在）、随机点名的要点都在记录里；导出的表格就是会议记录', async () => {
    const org = await createFixtureOrg(db);
    const ev = (await createEvent(db, org, { kind: '主题党日', title: '十一月主题党日', hostName: '书记乙', agenda: '一、学习全会精神\n二、交流发言' })).id;
    const leave = data<LeaveRequestView>(await call(org.members.cpc.openid, 'requestLeave', { eventId: ev, reason: '住院治疗' }, DAY_BEFORE));
    data(await call(org.members.secB.openid, 'decideLeave', { leaveId: leave.id, approve: true, answer: '同意，祝早日康复' }, LATER));
    const s = await screenAt(db, org, ev, '2026-11-26T09:00:00+08:00');
    await checkinAt(db, org.members.secB.openid, s.token, '2026-11-26T09:00:00+08:00');
    const AFTER = '2026-11-26T14:00:00+08:00';
    const called = data<{ memberId: string }>(await call(org.members.secB.openid, 'rollCall', { eventId: ev }, '2026-11-26T10:00:00+08:00'));
    await call(org.members.secB.openid, 'rollCallNote', { eventId: ev, memberId: called.memberId, note: '谈了学习体会' }, '2026-11-26T10:05:00+08:00');

    data(await call(org.members.secB.openid, 'saveRecord', { eventId: ev, recorderName: '党员委员' }, AFTER));
    const added = data<MeetingRecordView>(
      await call(
        org.members.secB.openid,
        'saveSpeech',
        { eventId: ev, memberId: org.members.secB.id, speakerName: '随便写的名字', content: '要把全会精神落实到履职中' },
        AFTER,
      ),
    );
    // 成员发言人的姓名以名册为准
    expect(added.speeches).toEqual([expect.objectContaining({ speakerName: '书记乙', content: '要把全会精神落实到履职中' })]);
    const edited = data<MeetingRecordView>(
      await call(
        org.members.secB.openid,
        'saveSpeech',
        { eventId: ev, speechId: added.speeches[0].id, memberId: org.members.secB.id, speakerName: '书记乙', content: '要把全会精神落实到界别活动中' },
        AFTER,
      ),
    );
    // 后记的排在后面（按记下的先后）
    data(
      await call(org.members.secB.openid, 'saveSpeech', { eventId: ev, speakerName: '列席来宾', content: '介绍了社区协商的做法' }, '2026-11-26T14:05:00+08:00'),
    );
    expect(edited.speeches[0].content).toBe('要把全会精神落实到界别活动中');

    const record = data<MeetingRecordView>(await call(org.members.secB.openid, 'record', { eventId: ev }, AFTER));
    expect(record).toMatchObject({ agenda: '一、学习全会精神\n二、交流发言', hostName: '书记乙', recorderName: '党员委员' });
    expect(record.speeches.map((x) => x.speakerName)).toEqual(['书记乙', '列席来宾']);
    expect(record.rollCalls).toEqual([expect.objectContaining({ order: 1, name: '书记乙', note: '谈了学习体会' })]);
    // 别的支部书记、普通成员看不到也改不了
    expect(codeOf(await call(org.members.secA.openid, 'record', { eventId: ev }, AFTER))).toBe('FORBIDDEN');
    expect(codeOf(await call(org.members.cpc.openid, 'saveSpeech', { eventId: ev, speakerName: '我', content: '改一改' }, AFTER))).toBe('FORBIDDEN');

    const file = data<{ fileName: string; contentBase64: string }>(await call(org.members.secB.openid, 'exportAttendance', { eventId: ev }, AFTER));
    expect(file.fileName).toBe('十一月主题党日-会议记录.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['会议记录', '签到名单']);
    const rows: string[][] = [];
    book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const field = (label: string) => rows.find((r) => r[0] === label)?.[1];
    expect(field('会议名称')).toBe('十一月主题党日');
    expect(field('类型')).toBe('主题党日');
    expect(field('地点')).toBe('三楼会议室');
    expect(field('主持人')).toBe('书记乙');
    expect(field('记录人')).toBe('党员委员');
    expect(field('议程')).toBe('一、学习全会精神\n二、交流发言');
    expect(field('时间')).toContain('2026');
    expect(field('出席情况')).toBe('应到 2 人，实到 1 人（迟到 0），请假 1 人，未到 0 人，到会率 100%');
    expect(rows).toContainEqual(['党员委员', '住院治疗', '已批准', '同意，祝早日康复', expect.stringContaining('2026')]);
    expect(rows).toContainEqual(['书记乙（随机点名第 1 位）', '谈了学习体会']);
    expect(rows).toContainEqual(['书记乙', '要把全会精神落实到界别活动中']);
    expect(rows).toContainEqual(['列席来宾', '介绍了社区协商的做法']);
  });

  test('不扣分的活动定案时照直说：人数是真实的，并写明这类活动缺席不扣分', async () => {
    const org = await createFixtureOrg(db);
    const ev = (await createEvent(db, org, { kind: '主题党日', title: '十一月主题党日' })).id;
    const res = data<{ summary: string; deducted: boolean }>(await call(org.members.secB.openid, 'finalize', { eventId: ev }, '2026-11-26T14:00:00+08:00'));
    expect(res).toMatchObject({
      expected: 2,
      checkedIn: 0,
      absentees: 2,
      excused: 0,
      deducted: false,
      summary: '应到 2 人，实到 0 人，请假 0 人，缺席 2 人；主题党日缺席不扣分，名单已锁定',
    });
  });
});
