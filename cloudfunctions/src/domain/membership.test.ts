import type { BranchKind } from '@tongxin/shared-types';
import { type BranchInfo, type MembershipDraft, checkMemberships } from './membership';

const branch = (name: string, branchKind: BranchKind, status: 'active' | 'closed' = 'active'): BranchInfo => ({ name, branchKind, status });
const BRANCHES = new Map<string, BranchInfo>([
  ['office', branch('机关党支部', '机关支部')],
  ['retired', branch('离退休干部党支部', '离退休支部')],
  ['economy', branch('经济委功能型党支部', '功能型党支部')],
  ['sector', branch('教育界党支部', '界别党支部')],
  ['temp', branch('全会临时党支部', '临时党支部')],
  ['closed', branch('考察临时党支部', '临时党支部', 'closed')],
  // 党委、党总支等不是支部：没有类别
  ['committee', { name: '机关党委', branchKind: null, status: 'active' }],
]);
const check = (drafts: MembershipDraft[], affiliation: '中共党员' | '民盟' = '中共党员') => checkMemberships(affiliation, drafts, BRANCHES);
const primary = (branchId: string): MembershipDraft => ({ branchId, kind: 'primary' });
const functional = (branchId: string): MembershipDraft => ({ branchId, kind: 'functional' });

describe('组织关系规则', () => {
  test('党员：一个第一组织关系加若干功能型支部（双重组织生活）通过', () => {
    expect(check([primary('retired'), functional('economy'), functional('temp'), functional('sector')])).toEqual([]);
  });

  test('没有组织关系也可以（党员尚未编入、或非党员）', () => {
    expect(check([])).toEqual([]);
    expect(check([], '民盟')).toEqual([]);
  });

  test('非中共党员不能加入党支部', () => {
    expect(check([functional('economy')], '民盟')).toEqual(['非中共党员不能加入党支部']);
  });

  test('第一组织关系只能有一个', () => {
    expect(check([primary('office'), primary('retired')])).toEqual(['第一组织关系只能有一个']);
  });

  test('同一个支部不能重复加入（哪怕一次第一、一次功能型）', () => {
    expect(check([primary('temp'), functional('temp')])).toEqual(['全会临时党支部是临时党支部，不能作为第一组织关系', '同一个支部不能重复加入']);
  });

  test('支部不存在、或不是党支部（党委没有类别）', () => {
    expect(check([functional('nowhere')])).toEqual(['支部不存在']);
    expect(check([primary('committee')])).toEqual(['支部不存在']);
  });

  test('已撤销的支部不能加入', () => {
    expect(check([functional('closed')])).toEqual(['考察临时党支部已撤销']);
  });

  test('功能型关系只能挂在功能型、临时或界别党支部', () => {
    expect(check([functional('office')])).toEqual(['机关党支部不是功能型支部，不能作为功能型组织关系']);
    expect(check([functional('retired')])).toEqual(['离退休干部党支部不是功能型支部，不能作为功能型组织关系']);
  });

  test('功能型党支部、临时党支部都不能作为第一组织关系；临时支部可以是功能型关系', () => {
    expect(check([primary('economy')])).toEqual(['经济委功能型党支部是功能型支部，不能作为第一组织关系']);
    expect(check([primary('temp')])).toEqual(['全会临时党支部是临时党支部，不能作为第一组织关系']);
    expect(check([primary('retired'), functional('temp')])).toEqual([]);
  });

  test('几个问题一次列出，相同的原因只列一次', () => {
    const reasons = check([primary('office'), primary('economy'), functional('nowhere'), functional('elsewhere')], '民盟');
    expect(reasons).toEqual(['非中共党员不能加入党支部', '第一组织关系只能有一个', '经济委功能型党支部是功能型支部，不能作为第一组织关系', '支部不存在']);
  });
});
