import type { Affiliation, BranchDuty, Position } from '@tongxin/shared-types';
import type { DB } from '../../cloudfunctions/src/db/connect';
import { installDefaultRules } from '../../cloudfunctions/src/functions/points/ledger';
import { uniqueSuffix } from './db';
import { nameSortKey } from '../../cloudfunctions/src/domain/name-sort';

/**
 * 一个小而完整的测试政协：每次调用都是新的组织（独立 org_id、独立 openid），测试之间互不干扰。
 * 机关支部（书记 secA）、经济委功能型党支部（书记 secB）、离退休支部；
 * cpc 的第一组织关系在离退休支部，同时在功能型支部；nonCpc 是民盟委员；staff 在机关支部；admin 是办公室管理员。
 */
export async function createFixtureOrg(db: DB) {
  const tag = uniqueSuffix();
  return db.transaction().execute(async (trx) => {
    const org = await trx
      .insertInto('organisation')
      .values({ name: `测试政协${tag}`, code: `test-${tag}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    const orgId = org.id;
    // 按建立顺序排：同一事务里 now() 相同，不能靠建立时间排序
    let sortOrder = 0;
    const addOrg = async (name: string, level: string, parent: string | null, kind: string | null) =>
      (
        await trx
          .insertInto('party_org')
          .values({ org_id: orgId, name, level: level as never, parent_id: parent, branch_kind: kind as never, sort_order: sortOrder++ })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const root = await addOrg('测试党组', '党组', null, null);
    const committeeParty = await addOrg('机关党委', '机关党委', root, null);
    const branchA = await addOrg('机关党支部', '党支部', committeeParty, '机关支部');
    const branchB = await addOrg('经济委功能型党支部', '党支部', committeeParty, '功能型党支部');
    const branchRetired = await addOrg('离退休干部党支部', '党支部', committeeParty, '离退休支部');
    const economy = (await trx.insertInto('committee').values({ org_id: orgId, name: '经济委员会' }).returning('id').executeTakeFirstOrThrow()).id;
    const education = (await trx.insertInto('sector').values({ org_id: orgId, name: '教育界' }).returning('id').executeTakeFirstOrThrow()).id;
    const cpcSector = (await trx.insertInto('sector').values({ org_id: orgId, name: '中国共产党' }).returning('id').executeTakeFirstOrThrow()).id;

    let phoneSeq = 0;
    const addMember = async (
      key: string,
      spec: { name: string; position: Position; affiliation: Affiliation; staff?: boolean; sector?: string; committee?: boolean; admin?: boolean },
      branches: Array<[string, 'primary' | 'functional', BranchDuty]>,
    ) => {
      const m = await trx
        .insertInto('member')
        .values({
          org_id: orgId,
          name: spec.name,
          name_sort: nameSortKey(spec.name),
          phone: `1380000${String(++phoneSeq).padStart(4, '0')}`,
          kind: spec.staff ? 'staff' : 'committee_member',
          position: spec.position,
          affiliation: spec.affiliation,
          sector_id: spec.sector ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (spec.committee) await trx.insertInto('member_committee').values({ org_id: orgId, member_id: m.id, committee_id: economy }).execute();
      for (const [branch, kind, duty] of branches) {
        await trx.insertInto('branch_membership').values({ org_id: orgId, member_id: m.id, branch_id: branch, kind, duty }).execute();
      }
      if (spec.admin) await trx.insertInto('member_role').values({ org_id: orgId, member_id: m.id, role: 'admin' }).execute();
      const openid = `t_${tag}_${key}`;
      await trx.insertInto('wx_binding').values({ openid, org_id: orgId, member_id: m.id }).execute();
      return { id: m.id, openid };
    };

    await installDefaultRules(trx, orgId, new Date('2026-01-01T00:00:00+08:00'));

    const admin = await addMember('admin', { name: '管理员甲', position: '机关干部', affiliation: '中共党员', staff: true, admin: true }, [
      [branchA, 'primary', '党员'],
    ]);
    const secA = await addMember('secA', { name: '书记甲', position: '机关干部', affiliation: '中共党员', staff: true }, [[branchA, 'primary', '书记']]);
    const secB = await addMember('secB', { name: '书记乙', position: '常委', affiliation: '中共党员', sector: cpcSector, committee: true }, [
      [branchB, 'functional', '书记'],
    ]);
    const cpc = await addMember('cpc', { name: '党员委员', position: '委员', affiliation: '中共党员', sector: cpcSector, committee: true }, [
      [branchRetired, 'primary', '党员'],
      [branchB, 'functional', '党员'],
    ]);
    const nonCpc = await addMember('nonCpc', { name: '民盟委员', position: '委员', affiliation: '民盟', sector: education, committee: true }, []);
    const staff = await addMember('staff', { name: '机关干部乙', position: '机关干部', affiliation: '中共党员', staff: true }, [[branchA, 'primary', '党员']]);

    // 承办单位（不是委员）：发改委与教育局各一位已绑定的工作人员
    const addUnit = async (key: string, unitName: string, staffName: string) => {
      const u = await trx.insertInto('handling_unit').values({ org_id: orgId, name: unitName }).returning('id').executeTakeFirstOrThrow();
      const s = await trx.insertInto('unit_staff').values({ org_id: orgId, unit_id: u.id, name: staffName }).returning('id').executeTakeFirstOrThrow();
      const openid = `t_${tag}_${key}`;
      await trx
        .insertInto('unit_binding')
        .values({ openid, org_id: orgId, staff_id: s.id, bound_at: new Date('2026-01-01T00:00:00+08:00') })
        .execute();
      return { unitId: u.id, id: s.id, openid };
    };
    const unitLead = await addUnit('unitLead', '市发展和改革委员会', '发改委经办人');
    const unitOther = await addUnit('unitOther', '市教育局', '教育局经办人');

    return {
      orgId,
      tag,
      units: { lead: unitLead, other: unitOther },
      branches: { A: branchA, B: branchB, retired: branchRetired, root, committeeParty },
      committees: { economy },
      sectors: { education, cpc: cpcSector },
      members: { admin, secA, secB, cpc, nonCpc, staff },
      unboundOpenid: `t_${tag}_unbound`,
    };
  });
}

export type FixtureOrg = Awaited<ReturnType<typeof createFixtureOrg>>;
