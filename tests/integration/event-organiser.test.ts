import ExcelJS from 'exceljs';
import type { AttendanceList, LeaveRequestView, NotificationView, PointsLedgerView, RollCallView } from '@tongxin/shared-types';
import { readSheet } from '../../cloudfunctions/src/adapters/spreadsheet';
import type { DB } from '../../cloudfunctions/src/db/connect';
import { pointsFunction } from '../../cloudfunctions/src/functions/points';
import { makeDeps, useTestDb } from '../support/db';
import { checkinAt, codeOf, createEvent, eventCaller, screenAt } from '../support/events';
import { createFixtureOrg, type FixtureOrg } from '../support/fixture-org';

jest.setTimeout(30_000);

/** 导出的工作簿里的某一张表，另存为只有这一张的 XLSX（readSheet 读第一张） */
async function sheetOnly(base64: string, name: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  for (const ws of [...book.worksheets]) if (ws.name !== name) book.removeWorksheet(ws.id);
  return Buffer.from(await book.xlsx.writeBuffer());
}
const t = useTestDb();
let db: DB;
let call: ReturnType<typeof eventCaller>;
beforeAll(() => {
  db = t.db();
  call = eventCaller(db);
});
const T0 = '2026-11-26T09:02:00+08:00';
const AFTER = '2026-11-26T12:00:00+08:00';
const data = <T>(res: { ok: boolean; data?: unknown; error?: unknown }): T => {
  if (!res.ok) throw new Error(JSON.stringify(res.error));
  return res.data as T;
};

describe('组织者：名单、请假、代签、导出', () => {
  let org: FixtureOrg;
  let eventId: string;
  beforeAll(async () => {
    org = await createFixtureOrg(db);
    // 面向 B 支部（书记乙、党员委员）与民盟委员
    eventId = (
      await createEvent(db, org, {
        audience: [
          { kind: 'branch', id: org.branches.B },
          { kind: 'member', id: org.members.nonCpc.id },
        ],
      })
    ).id;
  });

  test('请假：成员申请，组织者批准后成员收到通知，名单里显示请假', async () => {
    const leave = data<LeaveRequestView>(await call(org.members.nonCpc.openid, 'requestLeave', { eventId, reason: '外出开会' }, '2026-11-25T10:00:00+08:00'));
    expect(codeOf(await call(org.members.nonCpc.openid, 'requestLeave', { eventId, reason: '再请一次' }, '2026-11-25T10:00:00+08:00'))).toBe('CONFLICT');
    const decided = data<LeaveRequestView>(
      await call(org.members.secB.openid, 'decideLeave', { leaveId: leave.id, approve: true, answer: '同意，请会后补学' }, '2026-11-25T11:00:00+08:00'),
    );
    expect(decided.status).toBe('approved');
    const notes = data<NotificationView[]>(await call(org.members.nonCpc.openid, 'notifications', undefined, '2026-11-25T12:00:00+08:00'));
    expect(notes[0]).toMatchObject({ title: expect.stringContaining('请假已批准'), body: '同意，请会后补学', read: false });
  });

  test('代签：为没有手机的人签到，注明原因并记入审计；非本支部书记不能代签', async () => {
    const r = await call(org.members.secB.openid, 'proxyCheckin', { eventId, memberId: org.members.cpc.id, reason: '手机没电' }, T0);
    expect(r.ok).toBe(true);
    expect(codeOf(await call(org.members.secA.openid, 'proxyCheckin', { eventId, memberId: org.members.cpc.id, reason: '手机没电' }, T0))).toBe('FORBIDDEN');
    const audit = await db.selectFrom('audit_log').select('summary').where('org_id', '=', org.orgId).where('action', '=', 'event.proxyCheckin').execute();
    expect(audit).toEqual([{ summary: expect.stringContaining('手机没电') }]);
  });

  test('名单与到会率：已签到、请假、未到一目了然；导出的表格与名单一致', async () => {
    const list = data<AttendanceList>(await call(org.members.secB.openid, 'attendance', { eventId }, T0));
    const byName = Object.fromEntries(list.rows.map((r) => [r.name, r]));
    expect(byName['党员委员']).toMatchObject({ status: 'on_time', method: 'proxy', proxyReason: '手机没电', proxyByName: '书记乙' });
    expect(byName['民盟委员']).toMatchObject({ status: 'on_leave' });
    expect(byName['书记乙']).toMatchObject({ status: 'absent' });
    expect(list.counts).toMatchObject({ expected: 3, checkedIn: 1, onLeave: 1, absent: 1, rate: 50 });
    const file = data<{ fileName: string; contentBase64: string }>(await call(org.members.secB.openid, 'exportAttendance', { eventId }, T0));
    expect(file.fileName).toMatch(/\.xlsx$/);
    const sheet = await readSheet(file.fileName, await sheetOnly(file.contentBase64, '签到名单'));
    expect(sheet.headers.slice(0, 4)).toEqual(['姓名', '界别', '应到', '状态']);
    const exported = Object.fromEntries(sheet.rows.filter((r) => r.cells[3]).map((r) => [r.cells[0], r.cells[3]]));
    expect(exported).toMatchObject({ 党员委员: '已签到', 民盟委员: '请假', 书记乙: '未到' });
    const audit = await db.selectFrom('audit_log').select('summary').where('org_id', '=', org.orgId).where('action', '=', 'event.exportAttendance').execute();
    expect(audit).toHaveLength(1);
  });

  test('书记看不到、管不了其他支部主办的活动', async () => {
    expect(codeOf(await call(org.members.secA.openid, 'attendance', { eventId }, T0))).toBe('FORBIDDEN');
    expect(codeOf(await call(org.members.secA.openid, 'screen', { eventId }, T0))).toBe('FORBIDDEN');
    expect(codeOf(await call(org.members.cpc.openid, 'screen', { eventId }, T0))).toBe('FORBIDDEN');
    expect(
      codeOf(
        await call(
          org.members.secA.openid,
          'create',
          {
            kind: '党课',
            title: '越权活动',
            place: '某处',
            startsAt: T0,
            endsAt: AFTER,
            ownerBranchId: org.branches.B,
            audience: [{ kind: 'branch', id: org.branches.B }],
          },
          T0,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(
        await call(
          org.members.secA.openid,
          'create',
          { kind: '党课', title: '面向全体', place: '某处', startsAt: T0, endsAt: AFTER, ownerBranchId: org.branches.A, audience: [{ kind: 'all', id: null }] },
          T0,
        ),
      ),
    ).toBe('FORBIDDEN');
    const own = await call(
      org.members.secA.openid,
      'create',
      {
        kind: '党课',
        title: '机关支部党课',
        place: '二楼',
        startsAt: T0,
        endsAt: AFTER,
        ownerBranchId: org.branches.A,
        audience: [{ kind: 'branch', id: org.branches.A }],
      },
      T0,
    );
    expect(own.ok).toBe(true);
  });
});

describe('随机点名', () => {
  test('在已签到的人里抽取，同一场不重复，抽完即止，可记发言要点', async () => {
    const org = await createFixtureOrg(db);
    const ev = await createEvent(db, org, { audience: [{ kind: 'all', id: null }] });
    const s = await screenAt(db, org, ev.id, T0);
    const present = [org.members.cpc, org.members.nonCpc, org.members.staff, org.members.secA];
    for (const m of present) expect(codeOf(await checkinAt(db, m.openid, s.token, T0))).toBe('ok');
    const picked: RollCallView[] = [];
    for (let i = 0; i < present.length; i++) picked.push(data<RollCallView>(await call(org.members.admin.openid, 'rollCall', { eventId: ev.id }, T0)));
    expect(new Set(picked.map((p) => p.memberId)).size).toBe(present.length);
    expect(new Set(picked.map((p) => p.memberId))).toEqual(new Set(present.map((m) => m.id)));
    expect(picked.map((p) => p.order)).toEqual([1, 2, 3, 4]);
    expect(picked[3].remaining).toBe(0);
    expect(codeOf(await call(org.members.admin.openid, 'rollCall', { eventId: ev.id }, T0))).toBe('EVENT.ROLLCALL_EXHAUSTED');
    const noted = data<RollCallView>(
      await call(org.members.admin.openid, 'rollCallNote', { eventId: ev.id, memberId: picked[0].memberId, note: '谈了基层协商的体会' }, T0),
    );
    expect(noted.note).toBe('谈了基层协商的体会');
  });

  test('并发点名也不会点到同一个人', async () => {
    const org = await createFixtureOrg(db);
    const ev = await createEvent(db, org, { audience: [{ kind: 'all', id: null }] });
    const s = await screenAt(db, org, ev.id, T0);
    for (const m of [org.members.cpc, org.members.nonCpc, org.members.staff]) await checkinAt(db, m.openid, s.token, T0);
    const results = await Promise.all(Array.from({ length: 5 }, () => call(org.members.admin.openid, 'rollCall', { eventId: ev.id }, T0)));
    const ok = results.filter((r) => r.ok).map((r) => (r.data as RollCallView).memberId);
    expect(ok).toHaveLength(3);
    expect(new Set(ok).size).toBe(3);
  });
});

describe('定案、学习心得、变更通知与双重组织生活', () => {
  test('全体会议定案：无故缺席 −30，请假 −10，出席 +5；不能定案两次', async () => {
    const org = await createFixtureOrg(db);
    const ev = await createEvent(db, org, {
      kind: '全体会议',
      title: '全体会议第一次会议',
      audience: [
        { kind: 'member', id: org.members.cpc.id },
        { kind: 'member', id: org.members.nonCpc.id },
        { kind: 'member', id: org.members.secB.id },
      ],
    });
    const leave = data<LeaveRequestView>(await call(org.members.secB.openid, 'requestLeave', { eventId: ev.id, reason: '住院' }, '2026-11-25T09:00:00+08:00'));
    await call(org.members.admin.openid, 'decideLeave', { leaveId: leave.id, approve: true }, '2026-11-25T10:00:00+08:00');
    const s = await screenAt(db, org, ev.id, T0);
    await checkinAt(db, org.members.cpc.openid, s.token, T0);
    expect(codeOf(await call(org.members.admin.openid, 'finalize', { eventId: ev.id }, T0))).toBe('EVENT.FINALIZE_TOO_EARLY');
    expect(data(await call(org.members.admin.openid, 'finalize', { eventId: ev.id }, AFTER))).toEqual({
      expected: 3,
      checkedIn: 1,
      absentees: 1,
      excused: 1,
      deducted: true,
      summary: '应到 3 人，实到 1 人，请假 1 人，缺席 1 人；无故缺席 1 人各记 −30 分，请假 1 人各记 −10 分',
    });
    expect(codeOf(await call(org.members.admin.openid, 'finalize', { eventId: ev.id }, AFTER))).toBe('CONFLICT');
    // 定案后名单锁定：不能再代签（扣分已按定案时的名单记了）
    expect(codeOf(await call(org.members.admin.openid, 'proxyCheckin', { eventId: ev.id, memberId: org.members.nonCpc.id, reason: '补签' }, AFTER))).toBe(
      'CHECKIN.FINALIZED',
    );
    const duty = async (openid: string) => {
      const res = await pointsFunction.handle({ action: 'mine' }, openid, makeDeps(db, AFTER).deps);
      return data<PointsLedgerView>(res).totals.find((x) => x.track === 'duty')!.total;
    };
    expect(await duty(org.members.cpc.openid)).toBe(5);
    expect(await duty(org.members.nonCpc.openid)).toBe(-30);
    expect(await duty(org.members.secB.openid)).toBe(-10);
  });

  test('面向全体的常委会议定案：每位缺席者各扣一次，出席者不扣', async () => {
    const org = await createFixtureOrg(db);
    const ev = await createEvent(db, org, { kind: '常委会议', title: '常委会议第三次会议', audience: [{ kind: 'all', id: null }] });
    const s = await screenAt(db, org, ev.id, T0);
    await checkinAt(db, org.members.cpc.openid, s.token, T0);
    const active = await db.selectFrom('member').select('id').where('org_id', '=', org.orgId).where('status', '=', 'active').execute();
    expect(data(await call(org.members.admin.openid, 'finalize', { eventId: ev.id }, AFTER))).toMatchObject({
      absentees: active.length - 1,
      excused: 0,
      deducted: true,
    });
    const deductions = await db
      .selectFrom('points_entry')
      .select(['member_id', 'points'])
      .where('org_id', '=', org.orgId)
      .where('source_kind', '=', 'event-absence')
      .where('source_id', '=', ev.id)
      .execute();
    expect(deductions).toHaveLength(active.length - 1);
    expect(new Set(deductions.map((d) => d.member_id))).toEqual(new Set(active.map((m) => m.id).filter((id) => id !== org.members.cpc.id)));
    expect(deductions.every((d) => d.points < 0)).toBe(true);
  });

  test('学习心得：签到参加后才能写，可修改；组织者能看到', async () => {
    const org = await createFixtureOrg(db);
    const ev = await createEvent(db, org);
    expect(codeOf(await call(org.members.cpc.openid, 'writeNote', { eventId: ev.id, content: '学习了协商民主的新要求，很受启发。' }, AFTER))).toBe(
      'EVENT.NOTE_NOT_ATTENDED',
    );
    const s = await screenAt(db, org, ev.id, T0);
    await checkinAt(db, org.members.cpc.openid, s.token, T0);
    expect(codeOf(await call(org.members.cpc.openid, 'writeNote', { eventId: ev.id, content: '太短' }, AFTER))).toBe('INVALID_PARAMETER');
    expect(codeOf(await call(org.members.cpc.openid, 'writeNote', { eventId: ev.id, content: '学习了协商民主的新要求，很受启发。' }, AFTER))).toBe('ok');
    expect(
      codeOf(await call(org.members.cpc.openid, 'writeNote', { eventId: ev.id, content: '修改：学习了协商民主的新要求，要在界别活动中落实。' }, AFTER)),
    ).toBe('ok');
    const notes = data<Array<{ content: string }>>(await call(org.members.secB.openid, 'notes', { eventId: ev.id }, AFTER));
    expect(notes).toEqual([expect.objectContaining({ content: expect.stringContaining('修改') })]);
  });

  test('改期与取消会通知应到人员', async () => {
    const org = await createFixtureOrg(db);
    const ev = await createEvent(db, org);
    await call(
      org.members.admin.openid,
      'update',
      { eventId: ev.id, startsAt: '2026-11-27T09:00:00+08:00', endsAt: '2026-11-27T11:00:00+08:00' },
      '2026-11-21T09:00:00+08:00',
    );
    await call(org.members.admin.openid, 'cancel', { eventId: ev.id, reason: '与全会冲突' }, '2026-11-22T09:00:00+08:00');
    const notes = data<NotificationView[]>(await call(org.members.cpc.openid, 'notifications', undefined, '2026-11-22T10:00:00+08:00'));
    expect(notes.map((n) => n.title)).toEqual([expect.stringContaining('活动取消'), expect.stringContaining('活动变更')]);
    expect(notes[1].body).toContain('11月27日');
    expect(data(await call(org.members.cpc.openid, 'markRead', { ids: notes.map((n) => n.id) }, '2026-11-22T10:00:00+08:00'))).toEqual({ updated: 2 });
    expect(data<NotificationView[]>(await call(org.members.cpc.openid, 'notifications', { unreadOnly: true }, '2026-11-22T10:00:00+08:00'))).toEqual([]);
    // 民盟委员不在应到名单里，没有通知
    expect(data<NotificationView[]>(await call(org.members.nonCpc.openid, 'notifications', undefined, '2026-11-22T10:00:00+08:00'))).toEqual([]);
  });

  test('双重组织生活：党员在功能型支部的主题党日出席，出现在其所在支部可用的导出里', async () => {
    const org = await createFixtureOrg(db);
    const ev = await createEvent(db, org, { kind: '主题党日', title: '十一月主题党日' });
    const s = await screenAt(db, org, ev.id, T0);
    await checkinAt(db, org.members.cpc.openid, s.token, T0);
    // 党员委员的第一组织关系在离退休支部；由管理员导出（离退休支部没有书记账号）
    const file = data<{ contentBase64: string; fileName: string }>(
      await call(org.members.admin.openid, 'exportDualLife', { branchId: org.branches.retired, from: '2026-11-01', to: '2026-11-30' }, AFTER),
    );
    const sheet = await readSheet(file.fileName, Buffer.from(file.contentBase64, 'base64'));
    expect(sheet.rows.map((r) => r.cells.slice(0, 4))).toEqual([['党员委员', '十一月主题党日', '主题党日', '经济委功能型党支部']]);
    expect(codeOf(await call(org.members.secB.openid, 'exportDualLife', { branchId: org.branches.retired, from: '2026-11-01', to: '2026-11-30' }, AFTER))).toBe(
      'FORBIDDEN',
    );
  });

  test('成员看到自己应参加的活动及自己的状态', async () => {
    const org = await createFixtureOrg(db);
    const ev = await createEvent(db, org);
    await createEvent(db, org, { title: '与我无关', ownerBranchId: org.branches.A, audience: [{ kind: 'branch', id: org.branches.A }] });
    const s = await screenAt(db, org, ev.id, T0);
    await checkinAt(db, org.members.cpc.openid, s.token, T0);
    const mine = data<Array<{ title: string; expected: boolean; myAttendance: unknown }>>(await call(org.members.cpc.openid, 'upcoming', undefined, T0));
    expect(mine.map((e) => e.title)).toEqual(['十一月中心组学习']);
    expect(mine[0]).toMatchObject({ expected: true, myAttendance: expect.objectContaining({ method: 'scan' }) });
  });

  test('组织者的列表：正在进行与即将开始的在前（由近到远），已结束的在后（最近的在前）', async () => {
    const org = await createFixtureOrg(db);
    // 现在是 11月26日 09:02（T0）；创建顺序故意打乱
    for (const [title, startsAt, endsAt] of [
      ['上周的会', '2026-11-19T09:00:00+08:00', '2026-11-19T11:00:00+08:00'],
      ['昨天的会', '2026-11-25T09:00:00+08:00', '2026-11-25T11:00:00+08:00'],
      ['下周的会', '2026-12-03T09:00:00+08:00', '2026-12-03T11:00:00+08:00'],
      ['明天的会', '2026-11-27T09:00:00+08:00', '2026-11-27T11:00:00+08:00'],
      ['正在开的会', '2026-11-26T09:00:00+08:00', '2026-11-26T11:00:00+08:00'],
    ]) {
      await createEvent(db, org, { title, startsAt, endsAt });
    }
    const list = data<{ items: Array<{ title: string }> }>(await call(org.members.admin.openid, 'list', { page: 1, pageSize: 20 }, T0));
    expect(list.items.map((i) => i.title)).toEqual(['正在开的会', '明天的会', '下周的会', '昨天的会', '上周的会']);
  });

  test('组织者的列表：每场各自的应到与已签到人数；不在名单里的人看活动时标为非应到', async () => {
    const org = await createFixtureOrg(db);
    const toB = await createEvent(db, org, { title: '面向乙支部' });
    const toAll = await createEvent(db, org, { title: '面向全体', audience: [{ kind: 'all', id: null }] });
    await createEvent(db, org, { title: '还没人签到', audience: [{ kind: 'member', id: org.members.nonCpc.id }] });
    const sB = await screenAt(db, org, toB.id, T0);
    const sAll = await screenAt(db, org, toAll.id, T0);
    for (const m of [org.members.cpc, org.members.secB]) await checkinAt(db, m.openid, sB.token, T0);
    for (const m of [org.members.cpc, org.members.nonCpc, org.members.staff]) await checkinAt(db, m.openid, sAll.token, T0);
    const activeMembers = Number(
      (
        await db
          .selectFrom('member')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('org_id', '=', org.orgId)
          .where('status', '=', 'active')
          .executeTakeFirstOrThrow()
      ).n,
    );
    const expectedB = Number(
      (
        await db
          .selectFrom('branch_membership')
          .select((eb) => eb.fn.count<number>('member_id').distinct().as('n'))
          .where('org_id', '=', org.orgId)
          .where('branch_id', '=', org.branches.B)
          .executeTakeFirstOrThrow()
      ).n,
    );
    const list = data<{ items: Array<{ title: string; counts: { expected: number; checkedIn: number } }> }>(
      await call(org.members.admin.openid, 'list', { page: 1, pageSize: 20 }, T0),
    );
    const countsOf = (title: string) => list.items.find((i) => i.title === title)!.counts;
    expect(countsOf('面向乙支部')).toEqual({ expected: expectedB, checkedIn: 2 });
    expect(countsOf('面向全体')).toEqual({ expected: activeMembers, checkedIn: 3 });
    expect(countsOf('还没人签到')).toEqual({ expected: 1, checkedIn: 0 });
    // 民盟委员不在乙支部：看得到这场活动（活动详情），但不是应到
    expect(data<{ expected: boolean }>(await call(org.members.nonCpc.openid, 'get', { eventId: toB.id }, T0)).expected).toBe(false);
    expect(data<{ expected: boolean }>(await call(org.members.nonCpc.openid, 'get', { eventId: toAll.id }, T0)).expected).toBe(true);
  });
});
