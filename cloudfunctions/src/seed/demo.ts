import type { Affiliation, BranchDuty, Position } from '@tongxin/shared-types';
import type { DB } from '../db/connect';
import { installDefaultRules } from '../functions/points/ledger';
import { seedStudyDemo } from './study';
import { nameSortKey } from '../domain/name-sort';

/** 演示政协的代码：种子只写一次 */
export const DEMO_ORG_CODE = 'demo-city';

/** 固定 openid 的演示身份（本地模式的身份选择器列出它们） */
export const DEMO_IDENTITIES = [
  { openid: 'dev_admin', name: '周敏', description: '政协办公室管理员（机关干部、中共党员）' },
  { openid: 'dev_secretary', name: '李建国', description: '经济委功能型党支部书记（常委、中共党员）' },
  { openid: 'dev_cpc_member', name: '王秀兰', description: '中共党员委员：离退休支部 + 经济委功能型党支部' },
  { openid: 'dev_non_cpc', name: '陈志远', description: '民盟委员（教育界），非中共党员' },
  { openid: 'dev_staff', name: '刘洋', description: '机关干部，机关支部党员' },
  { openid: 'dev_unit', name: '黄海', description: '承办单位工作人员（市住房和城乡建设局），不是委员' },
  { openid: 'dev_unbound', name: '新用户', description: '尚未绑定的微信身份' },
] as const;

const COMMITTEES = ['提案委员会', '经济委员会', '人口资源环境委员会', '文化文史和学习委员会', '社会和法制委员会'];
const SECTORS = [
  '中国共产党',
  '中国国民党革命委员会',
  '中国民主同盟',
  '中国民主建国会',
  '中国民主促进会',
  '中国农工民主党',
  '九三学社',
  '无党派人士',
  '经济界',
  '教育界',
  '科学技术界',
  '医药卫生界',
  '文化艺术界',
  '社会福利和社会保障界',
];
const SURNAMES =
  '张王李赵刘陈杨黄吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = [
  '国强',
  '海燕',
  '文华',
  '振东',
  '丽萍',
  '建华',
  '红梅',
  '志刚',
  '淑芬',
  '德明',
  '玉兰',
  '永清',
  '立新',
  '桂英',
  '宏伟',
  '晓东',
  '春生',
  '雪梅',
  '明辉',
  '秀英',
  '卫东',
  '慧敏',
  '长青',
  '家宝',
  '若愚',
  '思源',
  '静怡',
  '子健',
  '鹏飞',
  '晓燕',
];
const NON_CPC: Affiliation[] = ['民革', '民盟', '民建', '民进', '农工党', '九三学社', '无党派'];
const PARTY_SECTOR: Partial<Record<Affiliation, string>> = {
  民革: '中国国民党革命委员会',
  民盟: '中国民主同盟',
  民建: '中国民主建国会',
  民进: '中国民主促进会',
  农工党: '中国农工民主党',
  九三学社: '九三学社',
  无党派: '无党派人士',
};
const OPEN_SECTORS = ['经济界', '教育界', '科学技术界', '医药卫生界', '文化艺术界', '社会福利和社会保障界'];

/** 确定性的伪随机数：每次种子结果相同，截图与测试可复现 */
function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

interface MemberSpec {
  name: string;
  kind: 'committee_member' | 'staff';
  position: Position;
  affiliation: Affiliation;
  sector: string | null;
  committees: string[];
  branches: Array<{ branch: string; kind: 'primary' | 'functional'; duty: BranchDuty }>;
  openid?: string;
  admin?: boolean;
}

/** 写入演示政协（已存在则什么也不做）。返回组织 id。 */
export async function seedDemo(db: DB): Promise<{ orgId: string; created: boolean }> {
  const existing = await db.selectFrom('organisation').select('id').where('code', '=', DEMO_ORG_CODE).executeTakeFirst();
  if (existing) {
    // 学习材料是后来加的：早先建好的演示库也补上
    await seedStudyDemo(db, existing.id);
    return { orgId: existing.id, created: false };
  }

  const seeded = await db.transaction().execute(async (trx) => {
    // 1. 政协与党组织树
    const org = await trx.insertInto('organisation').values({ name: '示例市政协', code: DEMO_ORG_CODE }).returning('id').executeTakeFirstOrThrow();
    const orgId = org.id;
    const addOrg = async (name: string, level: string, parentId: string | null, branchKind: string | null, sort: number) =>
      (
        await trx
          .insertInto('party_org')
          .values({ org_id: orgId, name, level: level as never, parent_id: parentId, branch_kind: branchKind as never, sort_order: sort })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const dangzu = await addOrg('中共示例市政协党组', '党组', null, null, 0);
    const jiguanDangzu = await addOrg('中共示例市政协机关党组', '机关党组', dangzu, null, 0);
    const dangwei = await addOrg('中共示例市政协机关委员会', '机关党委', jiguanDangzu, null, 0);
    const branchIds = new Map<string, string>();
    branchIds.set('机关支部', await addOrg('机关党支部', '党支部', dangwei, '机关支部', 1));
    branchIds.set('离退休支部', await addOrg('离退休干部党支部', '党支部', dangwei, '离退休支部', 2));

    // 2. 专委会（各有一个功能型党支部）与界别
    const committeeIds = new Map<string, string>();
    for (const [i, name] of COMMITTEES.entries()) {
      const c = await trx.insertInto('committee').values({ org_id: orgId, name, sort_order: i }).returning('id').executeTakeFirstOrThrow();
      committeeIds.set(name, c.id);
      const short = name.replace('委员会', '委');
      branchIds.set(name, await addOrg(`${short}功能型党支部`, '党支部', dangwei, '功能型党支部', 10 + i));
    }
    const sectorIds = new Map<string, string>();
    for (const [i, name] of SECTORS.entries()) {
      const s = await trx.insertInto('sector').values({ org_id: orgId, name, sort_order: i }).returning('id').executeTakeFirstOrThrow();
      sectorIds.set(name, s.id);
    }

    // 3. 默认积分规则
    await installDefaultRules(trx, orgId, new Date());

    // 4. 成员
    for (const [i, spec] of buildMembers().entries()) {
      const m = await trx
        .insertInto('member')
        .values({
          org_id: orgId,
          name: spec.name,
          name_sort: nameSortKey(spec.name),
          phone: `139${String(10000000 + i * 7919).slice(-8)}`,
          kind: spec.kind,
          position: spec.position,
          affiliation: spec.affiliation,
          sector_id: spec.sector ? (sectorIds.get(spec.sector) ?? null) : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const c of spec.committees) {
        await trx
          .insertInto('member_committee')
          .values({ org_id: orgId, member_id: m.id, committee_id: committeeIds.get(c)! })
          .execute();
      }
      for (const b of spec.branches) {
        await trx
          .insertInto('branch_membership')
          .values({ org_id: orgId, member_id: m.id, branch_id: branchIds.get(b.branch)!, kind: b.kind, duty: b.duty })
          .execute();
      }
      if (spec.admin) await trx.insertInto('member_role').values({ org_id: orgId, member_id: m.id, role: 'admin' }).execute();
      if (spec.openid) await trx.insertInto('wx_binding').values({ openid: spec.openid, org_id: orgId, member_id: m.id }).execute();
    }
    return { orgId, created: true };
  });
  await seedStudyDemo(db, seeded.orgId);
  return seeded;
}

/** 约 60 人：固定的演示身份 + 按确定性随机生成的委员与机关干部 */
function buildMembers(): MemberSpec[] {
  const fixed: MemberSpec[] = [
    {
      name: '周敏',
      kind: 'staff',
      position: '机关干部',
      affiliation: '中共党员',
      sector: null,
      committees: [],
      openid: 'dev_admin',
      admin: true,
      branches: [{ branch: '机关支部', kind: 'primary', duty: '支委' }],
    },
    {
      name: '李建国',
      kind: 'committee_member',
      position: '常委',
      affiliation: '中共党员',
      sector: '中国共产党',
      committees: ['经济委员会'],
      openid: 'dev_secretary',
      branches: [{ branch: '经济委员会', kind: 'functional', duty: '书记' }],
    },
    {
      name: '王秀兰',
      kind: 'committee_member',
      position: '委员',
      affiliation: '中共党员',
      sector: '经济界',
      committees: ['经济委员会'],
      openid: 'dev_cpc_member',
      branches: [
        { branch: '离退休支部', kind: 'primary', duty: '党员' },
        { branch: '经济委员会', kind: 'functional', duty: '党员' },
      ],
    },
    {
      name: '陈志远',
      kind: 'committee_member',
      position: '委员',
      affiliation: '民盟',
      sector: '教育界',
      committees: ['文化文史和学习委员会'],
      openid: 'dev_non_cpc',
      branches: [],
    },
    {
      name: '刘洋',
      kind: 'staff',
      position: '机关干部',
      affiliation: '中共党员',
      sector: null,
      committees: [],
      openid: 'dev_staff',
      branches: [{ branch: '机关支部', kind: 'primary', duty: '党员' }],
    },
    {
      name: '赵振华',
      kind: 'staff',
      position: '机关干部',
      affiliation: '中共党员',
      sector: null,
      committees: [],
      branches: [{ branch: '机关支部', kind: 'primary', duty: '书记' }],
    },
    {
      name: '孙淑贞',
      kind: 'committee_member',
      position: '委员',
      affiliation: '中共党员',
      sector: '中国共产党',
      committees: ['提案委员会'],
      branches: [{ branch: '离退休支部', kind: 'primary', duty: '书记' }],
    },
  ];
  const rand = lcg(20261126);
  const used = new Set(fixed.map((m) => m.name));
  const pickName = () => {
    for (;;) {
      const name = SURNAMES[Math.floor(rand() * SURNAMES.length)] + GIVEN[Math.floor(rand() * GIVEN.length)];
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  const generated: MemberSpec[] = [];
  // 每个功能型支部已有书记的除外，各指定一名书记
  const secretaryNeeded = new Set(COMMITTEES.filter((c) => c !== '经济委员会'));
  for (let i = 0; i < 54; i++) {
    const staff = i >= 48;
    const committee = COMMITTEES[i % COMMITTEES.length];
    const cpc = staff || rand() < 0.36;
    const affiliation: Affiliation = cpc ? '中共党员' : NON_CPC[Math.floor(rand() * NON_CPC.length)];
    const sector = staff
      ? null
      : cpc
        ? rand() < 0.5
          ? '中国共产党'
          : OPEN_SECTORS[i % OPEN_SECTORS.length]
        : rand() < 0.6
          ? PARTY_SECTOR[affiliation]!
          : OPEN_SECTORS[i % OPEN_SECTORS.length];
    const branches: MemberSpec['branches'] = [];
    if (staff) {
      branches.push({ branch: '机关支部', kind: 'primary', duty: i === 48 ? '党务干部' : '党员' });
      if (i % 2 === 0) branches.push({ branch: committee, kind: 'functional', duty: '党员' });
    } else if (cpc) {
      // 多数党员委员的第一组织关系在工作单位（不在本系统）；离退休的在离退休支部
      if (rand() < 0.25) branches.push({ branch: '离退休支部', kind: 'primary', duty: '党员' });
      const duty: BranchDuty = secretaryNeeded.delete(committee) ? '书记' : '党员';
      branches.push({ branch: committee, kind: 'functional', duty });
    }
    generated.push({
      name: pickName(),
      kind: staff ? 'staff' : 'committee_member',
      position: staff ? '机关干部' : i < 3 ? '副主席' : i < 12 ? '常委' : '委员',
      affiliation,
      sector,
      committees: staff ? [] : rand() < 0.2 ? [committee, COMMITTEES[(i + 2) % COMMITTEES.length]] : [committee],
      branches,
    });
  }
  return [...fixed, ...generated];
}
