import type { AnyAction } from '../../cloudfunctions/src/core/action';
import type { DB } from '../../cloudfunctions/src/db/connect';
import { functions } from '../../cloudfunctions/src/functions';
import { type Client, freshPhone, insertTempBranch } from './call';
import type { FixtureOrg } from './fixture-org';
import { TEST_CHECKIN_SECRET, uploadFile } from './db';
import { randomUUID } from 'node:crypto';
import { writeXlsx } from '../../cloudfunctions/src/adapters/spreadsheet';
import { makeToken, stepOf } from '../../cloudfunctions/src/domain/checkin-token';

export interface SampleCtx {
  db: DB;
  org: FixtureOrg;
  /** 范围类操作的目标：本支部（cpc / 支部 B）或他支部（nonCpc / 支部 A）；样例可以换成同处一地的另一个人 */
  target: { memberId: string; branchId: string };
  /** 用来做准备的客户端（以管理员身份调用） */
  admin: Client;
}

export interface Sample {
  /** 构造一份合法输入（可以先做些准备，如签发邀请码、记一条分） */
  data: (s: SampleCtx) => unknown | Promise<unknown>;
  /**
   * 有权调用者得到的结果码，缺省为 'OK'。有些结果取决于调用者本人而非权限：
   * 已绑定的微信再绑是 CONFLICT，申诉别人的记录是 NOT_FOUND。
   */
  expect?: (callerMemberId: string | null, s: SampleCtx) => string;
  /**
   * 作用在某一位成员身上的操作：data 给出指向 who 的一份合法输入（who 可以是调用者本人，也可以是他的上级）。
   * 权限矩阵据此另试两种情形，期望的都是拒绝且什么也不改：
   * - self：对自己动手，按调用者的角色给出期望的错误码（不写的角色表示对自己可以，如改自己的资料）；
   * - above：书记对上级动手（本支部里的管理员、另一位书记），期望的错误码。
   */
  onMember?: {
    data: (s: SampleCtx, who: { id: string; openid: string }) => unknown | Promise<unknown>;
    self?: Partial<Record<'admin' | 'secretary', string>>;
    above?: string;
  };
}

/** 对 who 的一条手工分，由别人记（对管理员由书记甲——他所在机关支部的书记——记，其余由管理员记），返回记录 id */
async function entryAgainst(s: SampleCtx, who: { id: string }): Promise<string> {
  const by = who.id === s.org.members.admin.id ? s.org.members.secA.openid : adminOf(s);
  const entry = await s.admin.ok(by, 'points', 'adjust', { memberId: who.id, ruleCode: 'party.conduct', points: -2, reason: '会议迟到' });
  return entry.id;
}

const adminOf = (s: SampleCtx) => s.org.members.admin.openid;
const openidOf = (org: FixtureOrg, memberId: string) => Object.values(org.members).find((m) => m.id === memberId)!.openid;

/** 管理员（缺省为 admin）给目标记一条手工分（党员用品行评定，非党员用履职评定），返回记录 id */
async function manualEntry(s: SampleCtx, by = adminOf(s)): Promise<string> {
  const isCpc = s.target.memberId !== s.org.members.nonCpc.id;
  const entry = await s.admin.ok(by, 'points', 'adjust', {
    memberId: s.target.memberId,
    ruleCode: isCpc ? 'party.conduct' : 'duty.adjust',
    points: 3,
    reason: '积极参加支部活动',
  });
  return entry.id;
}

/**
 * 管理员建一场由目标支部主办、面向该支部与目标本人的中心组学习（默认今天 9–11 点，时钟在 9 点，正可签到），返回活动 id。
 * 目标本人单列：他支部的目标（民盟委员）不在支部里，代签、请假只为参加对象。
 * forEveryone：面向全体的政协讲堂（欢迎旁听），用于任何成员都该能签到、请假的样例。
 */
async function eventOf(s: SampleCtx, day = '2026-11-26', forEveryone = false): Promise<string> {
  const input = forEveryone
    ? { ...eventInput(s.target.branchId, day, '政协讲堂'), audience: [{ kind: 'all', id: null }] }
    : {
        ...eventInput(s.target.branchId, day, '中心组学习'),
        audience: [
          { kind: 'branch', id: s.target.branchId },
          { kind: 'member', id: s.target.memberId },
        ],
      };
  const ev = (await s.admin.ok(adminOf(s), 'event', 'create', input)) as { id: string };
  return ev.id;
}
/** 书记也能办的是本支部的组织生活（主题党日） */
const eventInput = (branchId: string, day: string, kind = '主题党日') => ({
  kind,
  title: kind,
  place: '三楼会议室',
  startsAt: `${day}T09:00:00+08:00`,
  endsAt: `${day}T11:00:00+08:00`,
  ownerBranchId: branchId,
  audience: [{ kind: 'branch', id: branchId }],
});

/** 活动里目标成员已由管理员代签 */
async function attendedEvent(s: SampleCtx): Promise<string> {
  const eventId = await eventOf(s);
  await s.admin.ok(adminOf(s), 'event', 'proxyCheckin', { eventId, memberId: s.target.memberId, reason: '没有带手机' });
  return eventId;
}

/** 目标成员对活动请了假，返回请假 id */
async function leaveOf(s: SampleCtx): Promise<{ eventId: string; leaveId: string }> {
  const eventId = await eventOf(s);
  const leave = (await s.admin.ok(openidOf(s.org, s.target.memberId), 'event', 'requestLeave', { eventId, reason: '出差在外地' })) as { id: string };
  return { eventId, leaveId: leave.id };
}

async function screenOf(s: SampleCtx) {
  const eventId = await eventOf(s, '2026-11-26', true);
  return { eventId, ...((await s.admin.ok(adminOf(s), 'event', 'screen', { eventId })) as { token: string; fallbackCode: string }) };
}

/**
 * 办公室新增一位与目标同政治面貌、同组织关系（现有支部里的）的成员，尚未绑定微信；
 * 把样例的目标换成这个人（矩阵按 ctx.target 判断范围）。
 */
async function unboundTwin(s: SampleCtx): Promise<string> {
  const m = await s.db
    .selectFrom('member')
    .select(['name', 'affiliation'])
    .where('org_id', '=', s.org.orgId)
    .where('id', '=', s.target.memberId)
    .executeTakeFirstOrThrow();
  const memberships = await s.db
    .selectFrom('branch_membership')
    .select(['branch_id as branchId', 'kind'])
    .where('org_id', '=', s.org.orgId)
    .where('member_id', '=', s.target.memberId)
    .execute();
  const twin = await s.admin.ok(adminOf(s), 'roster', 'create', {
    name: `${m.name}二`,
    kind: 'committee_member',
    position: '委员',
    affiliation: m.affiliation,
    memberships,
  });
  s.target.memberId = twin.id;
  return twin.id;
}

// —— 建言的样例：目标成员（本人）起草、提交；办公室立案、交办给发改委；发改委答复 ——
const PROPOSAL = {
  kind: 'proposal',
  title: '关于加快老旧小区加装电梯的建议',
  reasons: '老旧小区老年人多，上下楼困难，加装电梯进度慢。',
  proposals: '简化审批流程，设立专项补贴，推广代建模式。',
  category: '城乡建设',
};
async function draftOf(s: SampleCtx, extra: Record<string, unknown> = {}): Promise<string> {
  const v = await s.admin.ok(openidOf(s.org, s.target.memberId), 'suggestions', 'saveDraft', { ...PROPOSAL, ...extra });
  return v.id;
}
async function submittedOf(s: SampleCtx, extra: Record<string, unknown> = {}): Promise<string> {
  const id = await draftOf(s, extra);
  await s.admin.ok(openidOf(s.org, s.target.memberId), 'suggestions', 'submit', { id });
  return id;
}
async function filedOf(s: SampleCtx): Promise<string> {
  const id = await submittedOf(s);
  await s.admin.ok(adminOf(s), 'suggestions', 'file', { id });
  return id;
}
async function assignedOf(s: SampleCtx): Promise<string> {
  const id = await filedOf(s);
  await s.admin.ok(adminOf(s), 'suggestions', 'assign', { id, leadUnitId: s.org.units.lead.unitId });
  return id;
}
async function repliedOf(s: SampleCtx): Promise<string> {
  const id = await assignedOf(s);
  await s.admin.ok(s.org.units.lead.openid, 'suggestions', 'reply', { id, text: '经研究，我委已将加装电梯纳入年度民生实事，简化了审批流程。' });
  return id;
}
/** 带一张照片（目标本人上传的 JPEG）提交的建言，已立案交办给主办单位 */
const JPEG_BYTES = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
async function withPhoto(s: SampleCtx, assign: boolean): Promise<{ id: string; fileId: string }> {
  const fileId = uploadFile(JPEG_BYTES);
  const id = await submittedOf(s, { photos: [fileId] });
  if (assign) {
    await s.admin.ok(adminOf(s), 'suggestions', 'file', { id });
    await s.admin.ok(adminOf(s), 'suggestions', 'assign', { id, leadUnitId: s.org.units.lead.unitId });
  }
  return { id, fileId };
}
/** 本人的才行：别人的与不存在的一样答 NOT_FOUND */
const authorOnly = (caller: string | null, s: SampleCtx) => (caller === s.target.memberId ? 'OK' : 'NOT_FOUND');

/** 每个 函数.操作 的一份合法输入（在新的测试政协上构造） */
export const SAMPLES: Record<string, Sample> = {
  'member.me': { data: () => undefined },
  'member.bind': {
    expect: (caller) => (caller ? 'CONFLICT' : 'OK'),
    data: async (s) => {
      const m = await s.admin.ok(adminOf(s), 'roster', 'create', { name: '待绑定委员', kind: 'committee_member', position: '委员', affiliation: '无党派' });
      const invite = await s.admin.ok(adminOf(s), 'roster', 'issueInvite', { memberId: m.id });
      return { code: invite.code, name: '待绑定委员' };
    },
  },

  'roster.list': { data: ({ target }) => ({ branchId: target.branchId }) },
  'roster.exportRoster': { data: ({ target }) => ({ branchId: target.branchId }) },
  'roster.get': { data: ({ target }) => ({ memberId: target.memberId }) },
  'roster.create': {
    data: ({ org }) => ({
      name: '新委员',
      phone: freshPhone(),
      kind: 'committee_member',
      position: '委员',
      affiliation: '民盟',
      sectorId: org.sectors.education,
      committeeIds: [org.committees.economy],
    }),
  },
  'roster.update': {
    data: ({ target }) => ({ memberId: target.memberId, phone: freshPhone() }),
    // 管理员改自己的资料可以；书记只改普通成员，自己、管理员与别的书记都由办公室改
    onMember: { data: (_s, who) => ({ memberId: who.id, phone: freshPhone() }), self: { secretary: 'ROSTER.MEMBER_ABOVE' }, above: 'ROSTER.MEMBER_ABOVE' },
  },
  'roster.retire': {
    data: ({ target }) => ({ memberId: target.memberId, reason: '届满退出' }),
    onMember: { data: (_s, who) => ({ memberId: who.id, reason: '届满退出' }), self: { admin: 'CONFLICT' } },
  },
  'roster.setAdmin': {
    data: ({ target }) => ({ memberId: target.memberId, admin: true }),
    onMember: { data: (_s, who) => ({ memberId: who.id, admin: false }), self: { admin: 'CONFLICT' } },
  },
  'roster.issueInvite': {
    // 已绑定的人不再签发邀请码：换成与目标同处一地、尚未绑定的一位新成员
    data: async (s) => ({ memberId: await unboundTwin(s) }),
    // 自己已绑定（办公室答 CONFLICT）；书记对自己、对管理员、对别的书记都不签
    onMember: { data: (_s, who) => ({ memberId: who.id }), self: { admin: 'CONFLICT', secretary: 'ROSTER.INVITE_ABOVE' }, above: 'ROSTER.INVITE_ABOVE' },
  },
  // 目标支部里有一位尚未绑定的成员（他支部的书记被范围拒绝）
  'roster.issueInvites': { data: async (s) => (await unboundTwin(s), { branchId: s.target.branchId }) },
  'roster.importTemplate': { data: () => ({}) },
  'roster.unbind': { data: ({ target }) => ({ memberId: target.memberId, reason: '更换手机' }) },
  'roster.previewImport': { data: () => ({ fileName: '名单.csv', fileId: uploadFile('姓名,政治面貌,职务\n导入甲,民盟,委员\n') }) },
  'roster.commitImport': { data: () => ({ fileName: '名单.csv', fileId: uploadFile('姓名,政治面貌,职务\n导入甲,民盟,委员\n') }) },
  'roster.cleanupUploads': { data: () => ({}) },
  'roster.auditLog': { data: () => ({}) },

  'org.tree': { data: () => undefined },
  'org.createUnit': { data: ({ org }) => ({ parentId: org.branches.committeeParty, name: '考察临时党支部', level: '党支部', branchKind: '临时党支部' }) },
  'org.updateUnit': { data: ({ target }) => ({ id: target.branchId, name: '改名后的党支部' }) },
  'org.openTemporaryBranch': {
    data: ({ org }) => ({
      parentId: org.branches.committeeParty,
      name: '全会临时党支部',
      startsOn: '2026-12-01',
      endsOn: '2026-12-05',
      secretaryId: org.members.secB.id,
      memberIds: [org.members.cpc.id],
    }),
  },
  'org.closeBranch': { data: async ({ db, org }) => ({ id: await insertTempBranch(db, org.orgId, org.branches.committeeParty), reason: '全会结束' }) },
  'org.mergeBranches': {
    data: async ({ db, org }) => ({ sourceId: await insertTempBranch(db, org.orgId, org.branches.committeeParty), targetId: org.branches.B }),
  },
  'org.saveGroup': { data: () => ({ kind: 'committee', name: '提案委员会' }) },

  'points.mine': { data: () => undefined },
  'points.appeal': {
    // 只能申诉自己的记录；别人的记录与不存在的一样答 NOT_FOUND
    expect: (caller, s) => (caller === s.target.memberId ? 'OK' : 'NOT_FOUND'),
    data: async (s) => ({ entryId: await manualEntry(s), reason: '评定依据有误，请支部复核' }),
  },
  'points.myAppeals': { data: () => undefined },
  'points.overview': {
    data: async (s) => {
      await s.admin.ok(adminOf(s), 'points', 'setVisibility', { visibility: 'branch_aggregate' });
      return undefined;
    },
  },
  'points.ledger': { data: ({ target }) => ({ memberId: target.memberId }) },
  'points.adjust': {
    data: ({ org, target }) => ({
      memberId: target.memberId,
      ruleCode: target.memberId === org.members.nonCpc.id ? 'duty.adjust' : 'party.conduct',
      points: 2,
      reason: '带头参加志愿服务',
    }),
    onMember: {
      data: (_s, who) => ({ memberId: who.id, ruleCode: 'party.conduct', points: 2, reason: '自我表扬' }),
      self: { admin: 'POINTS.SELF', secretary: 'POINTS.SELF' },
    },
  },
  'points.reverse': {
    data: async (s) => ({ entryId: await manualEntry(s), reason: '记错了人' }),
    onMember: {
      data: async (s, who) => ({ entryId: await entryAgainst(s, who), reason: '当天有公务' }),
      self: { admin: 'POINTS.SELF', secretary: 'POINTS.SELF' },
    },
  },
  'points.listAppeals': { data: () => ({}) },
  'points.answerAppeal': {
    data: async (s) => {
      // 评定人不答复对自己评定的申诉：这条分由办公室的另一位管理员（书记甲兼任）记，矩阵里的管理员才答复得了
      await s.db.insertInto('member_role').values({ org_id: s.org.orgId, member_id: s.org.members.secA.id, role: 'admin' }).execute();
      const entryId = await manualEntry(s, s.org.members.secA.openid);
      const appeal = await s.admin.ok(openidOf(s.org, s.target.memberId), 'points', 'appeal', { entryId, reason: '评定依据有误，请支部复核' });
      return { appealId: appeal.id, accept: false, answer: '维持原评定' };
    },
    onMember: {
      data: async (s, who) => {
        const appeal = await s.admin.ok(who.openid, 'points', 'appeal', { entryId: await entryAgainst(s, who), reason: '当天有公务，已事先报备' });
        return { appealId: appeal.id, accept: true, answer: '同意' };
      },
      self: { admin: 'POINTS.SELF', secretary: 'POINTS.SELF' },
    },
  },
  'points.recordFiveOne': {
    data: ({ target }) => ({ memberId: target.memberId, item: 'livelihood', title: '帮扶社区养老', date: '2026-11-20' }),
    onMember: {
      data: (_s, who) => ({ memberId: who.id, item: 'livelihood', title: '帮扶社区养老', date: '2026-11-20' }),
      self: { admin: 'POINTS.SELF', secretary: 'POINTS.SELF' },
    },
  },
  'points.rules': { data: () => undefined },
  'points.saveRule': {
    data: () => ({ code: 'duty.consultation', name: '参加专题协商', track: 'duty', category: '履职', basis: 'attendance', points: 3, appliesTo: 'all' }),
  },
  'points.closeYear': { data: () => ({ year: 2025 }) },
  'points.setVisibility': { data: () => ({ visibility: 'branch_aggregate' }) },

  'event.create': { data: ({ target }) => eventInput(target.branchId, '2026-12-01') },
  // 书记只改得了本支部的组织生活（办公室办的类型书记改不了）
  'event.update': {
    data: async (s) => ({
      eventId: ((await s.admin.ok(adminOf(s), 'event', 'create', eventInput(s.target.branchId, '2026-11-26'))) as { id: string }).id,
      title: '改期后的主题党日',
    }),
  },
  'event.cancel': { data: async (s) => ({ eventId: await eventOf(s), reason: '与全会时间冲突' }) },
  'event.get': { data: async (s) => ({ eventId: await eventOf(s) }) },
  'event.list': { data: () => ({}) },
  'event.upcoming': { data: () => undefined },
  'event.screen': { data: async (s) => ({ eventId: await eventOf(s) }) },
  'event.checkin': { data: async (s) => ({ token: (await screenOf(s)).token }) },
  'event.checkinByCode': {
    data: async (s) => {
      const screen = await screenOf(s);
      return { eventId: screen.eventId, code: screen.fallbackCode };
    },
  },
  'event.proxyCheckin': { data: async (s) => ({ eventId: await eventOf(s), memberId: s.target.memberId, reason: '没有带手机' }) },
  'event.requestLeave': { data: async (s) => ({ eventId: await eventOf(s, '2026-11-26', true), reason: '出差在外地' }) },
  'event.decideLeave': { data: async (s) => ({ leaveId: (await leaveOf(s)).leaveId, approve: true, answer: '同意' }) },
  'event.attendance': { data: async (s) => ({ eventId: await eventOf(s) }) },
  'event.exportAttendance': { data: async (s) => ({ eventId: await eventOf(s) }) },
  'event.exportDualLife': { data: ({ target }) => ({ branchId: target.branchId, from: '2026-11-01', to: '2026-11-30' }) },
  'event.rollCall': { data: async (s) => ({ eventId: await attendedEvent(s) }) },
  'event.rollCallNote': {
    data: async (s) => {
      const eventId = await attendedEvent(s);
      const called = (await s.admin.ok(adminOf(s), 'event', 'rollCall', { eventId })) as { memberId: string };
      return { eventId, memberId: called.memberId, note: '谈了学习全会精神的体会' };
    },
  },
  // 活动结束后才能定案：昨天的活动
  'event.finalize': { data: async (s) => ({ eventId: await eventOf(s, '2026-11-25') }) },
  // 目标本人 8:55 扫的码，9:00（五分钟后）才送达：离线补交，等组织者确认
  'event.confirmOffline': {
    data: async (s) => {
      const eventId = await eventOf(s);
      const ev = await s.db.selectFrom('event').select(['short_code', 'rotate_seconds']).where('id', '=', eventId).executeTakeFirstOrThrow();
      const scannedAt = new Date('2026-11-26T08:55:00+08:00');
      const token = makeToken(TEST_CHECKIN_SECRET, ev.short_code, stepOf(scannedAt, ev.rotate_seconds));
      await s.admin.ok(openidOf(s.org, s.target.memberId), 'event', 'checkin', { token, scannedAt: scannedAt.toISOString() });
      return { eventId, memberId: s.target.memberId, accept: true };
    },
  },
  // 书记补录昨天的主题党日（补录的分等办公室确认）
  'event.confirmBackfill': {
    data: async (s) => {
      const secretary = s.target.branchId === s.org.branches.B ? s.org.members.secB.openid : s.org.members.secA.openid;
      const ev = (await s.admin.ok(secretary, 'event', 'create', eventInput(s.target.branchId, '2026-11-25'))) as { id: string };
      return { eventId: ev.id };
    },
  },
  'event.writeNote': {
    // 签到参加了才能写心得
    expect: (caller, s) => (caller === s.target.memberId ? 'OK' : 'EVENT.NOTE_NOT_ATTENDED'),
    data: async (s) => ({ eventId: await attendedEvent(s), content: '学习了全会精神，很受启发，要落实到履职中去。' }),
  },
  'event.notes': { data: async (s) => ({ eventId: await eventOf(s) }) },
  'event.notifications': { data: () => undefined },
  'event.markRead': {
    data: async (s) => {
      // 审批请假会给目标成员发一条通知
      await s.admin.ok(adminOf(s), 'event', 'decideLeave', { leaveId: (await leaveOf(s)).leaveId, approve: true, answer: '同意' });
      const rows = await s.db.selectFrom('notification').select('id').where('org_id', '=', s.org.orgId).where('member_id', '=', s.target.memberId).execute();
      return { ids: rows.map((r) => r.id) };
    },
  },
  // 只能撤回自己的请假；别人的与不存在的一样答 NOT_FOUND
  'event.withdrawLeave': {
    expect: (caller, s) => (caller === s.target.memberId ? 'OK' : 'NOT_FOUND'),
    data: async (s) => ({ leaveId: (await leaveOf(s)).leaveId }),
  },
  'event.record': { data: async (s) => ({ eventId: await eventOf(s) }) },
  'event.saveRecord': {
    data: async (s) => ({ eventId: await eventOf(s), hostName: '书记乙', recorderName: '党员委员', agenda: '一、学习全会精神\n二、交流发言' }),
  },
  'event.saveSpeech': { data: async (s) => ({ eventId: await eventOf(s), speakerName: '列席来宾', content: '结合本职工作谈了学习体会' }) },
  'event.deleteSpeech': {
    data: async (s) => {
      const eventId = await eventOf(s);
      const record = (await s.admin.ok(adminOf(s), 'event', 'saveSpeech', { eventId, speakerName: '列席来宾', content: '谈了学习体会' })) as {
        speeches: Array<{ id: string }>;
      };
      return { eventId, speechId: record.speeches[0].id };
    },
  },

  'home.todos': { data: () => undefined },

  'suggestions.saveDraft': { data: () => ({ ...PROPOSAL }) },
  'suggestions.submit': { expect: authorOnly, data: async (s) => ({ id: await draftOf(s) }) },
  'suggestions.withdraw': { expect: authorOnly, data: async (s) => ({ id: await submittedOf(s) }) },
  'suggestions.mine': { data: () => undefined },
  'suggestions.published': { data: () => ({}) },
  'suggestions.get': {
    expect: (caller, s) => (caller === s.target.memberId || caller === s.org.members.admin.id ? 'OK' : 'NOT_FOUND'),
    data: async (s) => ({ id: await submittedOf(s) }),
  },
  'suggestions.attachment': {
    expect: (caller, s) => (caller === s.target.memberId || caller === s.org.members.admin.id ? 'OK' : 'NOT_FOUND'),
    data: (s) => withPhoto(s, false),
  },
  'suggestions.candidates': { data: () => ({ q: '委员' }) },
  'suggestions.invite': {
    expect: authorOnly,
    data: async (s) => ({ id: await draftOf(s), memberIds: [s.target.memberId === s.org.members.secB.id ? s.org.members.cpc.id : s.org.members.secB.id] }),
  },
  'suggestions.answerInvite': {
    // 只有被邀请的人（书记乙）能答复；别人答 NOT_FOUND
    expect: (caller, s) => (caller === s.org.members.secB.id ? 'OK' : 'NOT_FOUND'),
    data: async (s) => {
      const id = await draftOf(s);
      await s.admin.ok(openidOf(s.org, s.target.memberId), 'suggestions', 'invite', { id, memberIds: [s.org.members.secB.id] });
      return { id, accept: true };
    },
  },
  'suggestions.rate': { expect: authorOnly, data: async (s) => ({ id: await repliedOf(s), rating: 'satisfied' }) },
  'suggestions.queue': { data: () => ({}) },
  'suggestions.file': { data: async (s) => ({ id: await submittedOf(s) }) },
  'suggestions.reject': { data: async (s) => ({ id: await submittedOf(s), reason: '属于个案诉求，建议通过信访渠道反映' }) },
  'suggestions.convert': { data: async (s) => ({ id: await submittedOf(s) }) },
  'suggestions.assign': { data: async (s) => ({ id: await filedOf(s), leadUnitId: s.org.units.lead.unitId, coUnitIds: [s.org.units.other.unitId] }) },
  'suggestions.chase': { data: async (s) => ({ id: await assignedOf(s), note: '请抓紧办理并按期答复' }) },
  'suggestions.markKey': { data: async (s) => ({ id: await filedOf(s) }) },
  'suggestions.markExcellent': { data: async (s) => ({ id: await repliedOf(s) }) },
  'suggestions.adopt': { data: async (s) => ({ id: await submittedOf(s, { kind: 'opinion' }), level: 'upper' }) },
  'suggestions.archive': { data: async (s) => ({ id: await submittedOf(s, { kind: 'opinion' }), reason: '已有同类信息报送' }) },
  'suggestions.instruct': {
    data: async (s) => {
      const id = await submittedOf(s, { kind: 'opinion' });
      await s.admin.ok(adminOf(s), 'suggestions', 'adopt', { id, level: 'local' });
      return { id, leader: '王副市长', text: '请市住建局研究落实' };
    },
  },
  'suggestions.exportList': {
    data: async (s) => {
      await filedOf(s);
      return { year: 2026 };
    },
  },
  'suggestions.stats': { data: () => ({ from: '2026-01-01', to: '2026-12-31' }) },
  'suggestions.units': { data: () => undefined },
  'suggestions.saveUnit': { data: () => ({ name: '市住房和城乡建设局' }) },
  'suggestions.addUnitStaff': { data: (s) => ({ unitId: s.org.units.lead.unitId, name: '新经办人' }) },
  'suggestions.issueUnitInvite': {
    data: async (s) => {
      const row = await s.db
        .insertInto('unit_staff')
        .values({ org_id: s.org.orgId, unit_id: s.org.units.lead.unitId, name: '待绑定经办人' })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { staffId: row.id };
    },
  },
  'suggestions.bindUnit': {
    // 已有身份（委员或承办单位）的微信再绑是 CONFLICT
    expect: (caller) => (caller ? 'CONFLICT' : 'OK'),
    data: async (s) => {
      const row = await s.db
        .insertInto('unit_staff')
        .values({ org_id: s.org.orgId, unit_id: s.org.units.lead.unitId, name: '待绑定经办人' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const invite = await s.admin.ok(adminOf(s), 'suggestions', 'issueUnitInvite', { staffId: row.id });
      return { code: invite.code, name: '待绑定经办人' };
    },
  },
  'suggestions.unitMe': { data: () => undefined },
  'suggestions.unitList': { data: () => undefined },
  'suggestions.unitGet': { data: async (s) => ({ id: await assignedOf(s) }) },
  'suggestions.unitAttachment': { data: (s) => withPhoto(s, true) },
  'suggestions.reply': { data: async (s) => ({ id: await assignedOf(s), text: '经研究，我委已将加装电梯纳入年度民生实事，简化了审批流程。' }) },
  'suggestions.meet': { data: async (s) => ({ id: await assignedOf(s), metOn: '2026-11-20', note: '到委员单位当面沟通' }) },
  'suggestions.sendFeedback': { data: () => ({ kind: 'suggestion', subject: 'app', content: '希望首页字再大一些', anonymous: true }) },
  'suggestions.myFeedback': { data: () => undefined },
  'suggestions.feedbackList': { data: () => ({}) },
  'suggestions.answerFeedback': {
    data: async (s) => {
      const f = await s.admin.ok(s.org.members.nonCpc.openid, 'suggestions', 'sendFeedback', {
        kind: 'complaint',
        subject: 'office',
        content: '会议通知发得太晚',
        anonymous: false,
      });
      return { id: f.id, answer: '已改为提前三天通知，谢谢您的意见' };
    },
  },
  // —— 学习 ——
  'study.list': { data: () => ({ q: '党史' }) },
  'study.get': { data: async (s) => ({ materialId: await materialOf(s) }) },
  'study.attachment': {
    data: async (s) => {
      const fileId = uploadFile(Buffer.from('%PDF-1.4\n%%EOF\n'));
      return { materialId: await materialOf(s, [{ fileId, name: '提纲.pdf' }]), fileId };
    },
  },
  'study.finish': { data: async (s) => ({ materialId: await materialOf(s) }) },
  'study.favourite': { data: async (s) => ({ materialId: await materialOf(s), on: true }) },
  'study.favourites': { data: () => undefined },
  'study.writeNote': { data: async (s) => ({ materialId: await materialOf(s), content: '认真学习了党史，收获很大，要用于履职。' }) },
  'study.myNotes': { data: () => undefined },
  'study.myAssignments': { data: () => undefined },
  'study.manageList': { data: () => undefined },
  // 书记只管本支部发布的材料（目标支部的一篇）；以本支部名义发布；只给本支部布置（他支部的对象由处理器拒绝）
  'study.source': { data: async (s) => ({ materialId: await materialOf(s, [], s.target.branchId) }) },
  'study.publish': { data: (s) => ({ title: '学习党史', category: '党史学习', bodyMarkdown: '学习**党史**', branchId: s.target.branchId }) },
  'study.edit': { data: async (s) => ({ materialId: await materialOf(s, [], s.target.branchId), title: '学习党史（修订）' }) },
  'study.withdraw': { data: async (s) => ({ materialId: await materialOf(s, [], s.target.branchId) }) },
  'study.assign': {
    expect: (caller, s) => (caller === s.org.members.secB.id && s.target.branchId !== s.org.branches.B ? 'FORBIDDEN' : 'OK'),
    data: async (s) => ({ materialId: await materialOf(s), dueAt: '2026-12-31T23:59:00+08:00', audience: [{ kind: 'branch', id: s.target.branchId }] }),
  },
  'study.assignments': { data: () => undefined },
  'study.completion': { data: async (s) => ({ assignmentId: await assignmentOf(s), branchId: s.target.branchId }) },
  'study.exportCompletion': { data: async (s) => ({ assignmentId: await assignmentOf(s), branchId: s.target.branchId }) },
  // 每次一道新题：同一题库里题干相同的题会被拒绝（STUDY.QUESTION_DUPLICATE）
  'study.saveQuestion': { data: () => ({ ...QUESTION, stem: `${QUESTION.stem}（第 ${++questionSeq} 问）` }) },
  'study.questions': { data: () => undefined },
  'study.questionTemplate': { data: () => ({}) },
  'study.previewQuestions': { data: async () => ({ fileName: '题目.xlsx', fileId: await questionSheet() }) },
  'study.importQuestions': { data: async () => ({ fileName: '题目.xlsx', fileId: await questionSheet() }) },
  'study.createQuiz': { data: async (s) => ({ ...(await quizInput(s)) }) },
  'study.myQuizzes': { data: () => undefined },
  'study.wrongBook': { data: () => undefined },
  'study.startAttempt': { data: async (s) => ({ quizId: await quizOf(s) }) },
  // 作答是目标本人开始的：别人交他的卷与不存在的一样答 NOT_FOUND
  'study.submitAttempt': {
    expect: (caller, s) => (caller === s.target.memberId ? 'OK' : 'NOT_FOUND'),
    data: async (s) => ({ attemptId: await attemptOf(s, false), answers: [] }),
  },
  'study.attemptResult': {
    expect: (caller, s) => (caller === s.target.memberId ? 'OK' : 'NOT_FOUND'),
    data: async (s) => ({ attemptId: await attemptOf(s, true) }),
  },
  'reminders.config': { data: () => undefined },
  'reminders.subscribed': { data: () => ({ results: [{ templateId: 'local-meeting', result: 'accept' }] }) },
  'reminders.mine': { data: () => undefined },
  'reminders.setSms': { data: () => ({ enabled: true, phone: freshPhone() }) },
  'reminders.eventReport': { data: async (s) => ({ eventId: await eventOf(s) }) },
  'reminders.resend': { data: async (s) => ({ eventId: await eventOf(s) }) },
  'reminders.settings': { data: () => undefined },
  'reminders.saveSettings': { data: () => ({ smsEnabled: true, monthlyBudget: 500 }) },
  // 已绑定的成员由本人开通；办公室可以取消
  'reminders.setMemberSms': { data: (s) => ({ memberId: s.target.memberId, enabled: false }) },
  'reminders.log': { data: () => ({}) },
};

let questionSeq = 0;
const QUESTION = {
  bank: '政协知识',
  kind: 'single',
  stem: '人民政协是什么机构？',
  options: ['专门协商机构', '权力机关'],
  answer: [0],
  explanation: '专门协商机构',
};

/** 一份只有一道题的题目表格（题干每次不同：同一题库里题干不能重复） */
async function questionSheet(): Promise<string> {
  const stem = `导入的题 ${randomUUID().slice(0, 8)}`;
  return uploadFile(await writeXlsx('题目', ['题库', '题型', '题干', '选项A', '选项B', '答案'], [['导入题库', '单选', stem, '甲', '乙', 'A']]));
}

/** 题库里放一道题，返回面向全体的测试输入 */
async function quizInput(s: SampleCtx) {
  await s.admin.ok(adminOf(s), 'study', 'saveQuestion', QUESTION);
  return {
    title: '政协知识测试',
    bank: '政协知识',
    questionCount: 1,
    passScore: 60,
    maxAttempts: 3,
    opensAt: '2026-11-20T00:00:00+08:00',
    closesAt: '2026-12-20T00:00:00+08:00',
    audience: [{ kind: 'all', id: null }],
  };
}
async function quizOf(s: SampleCtx): Promise<string> {
  const quiz = (await s.admin.ok(adminOf(s), 'study', 'createQuiz', await quizInput(s))) as { id: string };
  return quiz.id;
}
/** 目标本人开始作答（submitted：并已交卷），返回作答 id */
async function attemptOf(s: SampleCtx, submitted: boolean): Promise<string> {
  const who = openidOf(s.org, s.target.memberId);
  const attempt = (await s.admin.ok(who, 'study', 'startAttempt', { quizId: await quizOf(s) })) as { attemptId: string };
  if (submitted) await s.admin.ok(who, 'study', 'submitAttempt', { attemptId: attempt.attemptId, answers: [] });
  return attempt.attemptId;
}

/** 管理员发布一篇材料（给了支部即以该支部名义），返回 id */
async function materialOf(s: SampleCtx, attachments: Array<{ fileId: string; name: string }> = [], branchId?: string): Promise<string> {
  const m = (await s.admin.ok(adminOf(s), 'study', 'publish', {
    title: '学习党史',
    category: '党史学习',
    bodyMarkdown: '学习**党史**',
    attachments,
    branchId,
  })) as {
    id: string;
  };
  return m.id;
}

/** 管理员把一篇材料布置给目标支部，返回任务 id */
async function assignmentOf(s: SampleCtx): Promise<string> {
  const a = (await s.admin.ok(adminOf(s), 'study', 'assign', {
    materialId: await materialOf(s),
    dueAt: '2026-12-31T23:59:00+08:00',
    audience: [{ kind: 'branch', id: s.target.branchId }],
  })) as { id: string };
  return a.id;
}

/** 注册表里的全部操作：[`函数.操作`, 定义] */
export const REGISTRY: Array<[string, AnyAction]> = Object.entries(functions).flatMap(([fn, f]) =>
  Object.entries(f.actions).map(([a, def]) => [`${fn}.${a}`, def] as [string, AnyAction]),
);
