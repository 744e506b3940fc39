import type { Deps } from '../core/action';
import { fixedClock } from '../adapters/clock';
import { suggestionsFunction } from '../functions/suggestions';

/** 演示用的承办单位与其工作人员（本地身份 dev_unit） */
export const DEMO_UNITS = ['市发展和改革委员会', '市住房和城乡建设局', '市教育局', '市民政局'] as const;
export const DEMO_UNIT_OPENID = 'dev_unit';

/**
 * 建言的演示数据：几个承办单位、一位绑定了微信的住建局工作人员，以及几件走到不同步骤的建言。
 * 走真正的处理器（固定在几天前的时钟），分、五个一、历史与通知都与真实办理一样；已写过就不再写（旧的 .data 升级后也补上）。
 */
export async function seedSuggestionsDemo(deps: Deps, orgId: string): Promise<boolean> {
  const { db } = deps;
  if (await db.selectFrom('handling_unit').select('id').where('org_id', '=', orgId).executeTakeFirst()) return false;
  const unitIds = new Map<string, string>();
  for (const name of DEMO_UNITS)
    unitIds.set(name, (await db.insertInto('handling_unit').values({ org_id: orgId, name }).returning('id').executeTakeFirstOrThrow()).id);
  const staff = await db
    .insertInto('unit_staff')
    .values({ org_id: orgId, unit_id: unitIds.get('市住房和城乡建设局')!, name: '黄海' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('unit_binding').values({ openid: DEMO_UNIT_OPENID, org_id: orgId, staff_id: staff.id, bound_at: new Date() }).execute();

  const now = deps.clock.now();
  const daysAgo = (n: number) => ({ ...deps, clock: fixedClock(new Date(now.getTime() - n * 86_400_000)) });
  const call = async (d: Deps, openid: string, action: string, data: unknown): Promise<{ id: string }> => {
    const res = await suggestionsFunction.handle({ action, data }, openid, d);
    if (!res.ok) throw new Error(`seed suggestions.${action}: ${res.error.code} ${res.error.message}`);
    return res.data as { id: string };
  };
  const nonCpc = await db.selectFrom('wx_binding').select('member_id').where('openid', '=', 'dev_non_cpc').executeTakeFirstOrThrow();

  // 1. 李建国的提案（先立案，编号在前）：住建局已答复，等他评价
  const park = await call(daysAgo(40), 'dev_secretary', 'saveDraft', {
    kind: 'proposal',
    title: '关于增加老城区停车泊位的建议',
    reasons: '老城区道路狭窄，停车位缺口大，车辆占道停放影响通行与消防安全。',
    proposals: '利用边角地、闲置地建设立体停车库；推动机关企事业单位停车场错时对外开放；完善智慧停车诱导系统。',
    category: '城乡建设',
  });
  await call(daysAgo(40), 'dev_secretary', 'submit', { id: park.id });
  await call(daysAgo(38), 'dev_admin', 'file', { id: park.id });
  await call(daysAgo(37), 'dev_admin', 'assign', { id: park.id, leadUnitId: unitIds.get('市住房和城乡建设局') });
  await call(daysAgo(5), DEMO_UNIT_OPENID, 'meet', { id: park.id, metOn: dayOf(daysAgo(6).clock.now()), note: '到李建国委员单位当面沟通' });
  await call(daysAgo(3), DEMO_UNIT_OPENID, 'reply', {
    id: park.id,
    text: '经研究，今年将在老城区新建两处立体停车库（新增泊位 600 个），并推动 12 家机关单位停车场夜间对外开放。具体见答复函。',
  });

  // 2. 王秀兰领衔、陈志远联名的提案：已立案、交办住建局（黄海的待办）
  const d10 = daysAgo(10);
  const lift = await call(d10, 'dev_cpc_member', 'saveDraft', {
    kind: 'proposal',
    title: '关于加快推进老旧小区加装电梯的建议',
    reasons:
      '我市 2000 年以前建成的老旧小区多为六层以下无电梯住宅，老年住户比例高，上下楼困难。加装电梯涉及审批部门多、业主意见难统一、资金分摊无标准，进度缓慢。',
    proposals: '一、简化审批，推行联合审查、一站办结；二、出台资金分摊指导意见，设立财政补贴；三、推广“代建代运营”模式，由国企统一实施、运营维保。',
    category: '城乡建设',
  });
  await call(d10, 'dev_cpc_member', 'invite', { id: lift.id, memberIds: [nonCpc.member_id] });
  await call(d10, 'dev_non_cpc', 'answerInvite', { id: lift.id, accept: true });
  await call(d10, 'dev_cpc_member', 'submit', { id: lift.id });
  await call(daysAgo(8), 'dev_admin', 'file', { id: lift.id });
  await call(daysAgo(7), 'dev_admin', 'assign', { id: lift.id, leadUnitId: unitIds.get('市住房和城乡建设局'), coUnitIds: [unitIds.get('市发展和改革委员会')] });

  // 3. 陈志远的社情民意：已报送，待办公室处理；王秀兰的一件草稿
  const meal = await call(daysAgo(2), 'dev_non_cpc', 'saveDraft', {
    kind: 'opinion',
    title: '农村留守老人助餐服务覆盖不足',
    reasons: '走访发现，部分乡镇的老年助餐点只在镇区，偏远村的留守老人难以就餐；送餐服务尚未覆盖。',
    proposals: '建议依托村级互助幸福院设置助餐点，探索“中心厨房 + 配送”模式。',
    category: '社会事业',
  });
  await call(daysAgo(2), 'dev_non_cpc', 'submit', { id: meal.id });
  await call(daysAgo(1), 'dev_cpc_member', 'saveDraft', {
    kind: 'proposal',
    title: '关于完善社区嵌入式托育服务的建议',
    reasons: '',
    proposals: '',
    category: '社会事业',
  });

  // 4. 一条匿名的投诉建议（办公室看不到是谁）
  await call(daysAgo(1), 'dev_non_cpc', 'sendFeedback', {
    kind: 'suggestion',
    subject: 'app',
    content: '希望会议通知能提前三天发出，方便安排工作。',
    anonymous: true,
  });
  return true;
}

const dayOf = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
