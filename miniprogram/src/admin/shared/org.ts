import type { BranchKind, PartyOrgLevel, PartyOrgNode } from '@tongxin/shared-types'
// 只取常量所在的文件：包入口会连带 zod，不进小程序包
import { PARTY_ORG_LEVELS } from '@tongxin/shared-types/src/domain'

export interface TreeRow {
  node: PartyOrgNode
  /** 缩进层数，根为 0 */
  depth: number
}

/** org.tree 给的是带 parentId 的扁平列表：按先序排成可缩进显示的行（找不到上级的当作根） */
export function flattenTree(units: readonly PartyOrgNode[]): TreeRow[] {
  const ids = new Set(units.map((u) => u.id))
  const children = new Map<string | null, PartyOrgNode[]>()
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), u])
  }
  const rows: TreeRow[] = []
  const visit = (parent: string | null, depth: number) => {
    for (const node of children.get(parent) ?? []) {
      rows.push({ node, depth })
      visit(node.id, depth + 1)
    }
  }
  visit(null, 0)
  return rows
}

/** 党支部（有类别的组织）；默认只要未撤销的 */
export function branchesOf(units: readonly PartyOrgNode[], includeClosed = false): PartyOrgNode[] {
  return units.filter((u) => u.branchKind !== null && (includeClosed || u.status === 'active'))
}

/** 可以建在某级组织之下的层级（比上级低） */
export function childLevels(parent: PartyOrgLevel | null): PartyOrgLevel[] {
  if (parent === null) return [...PARTY_ORG_LEVELS]
  return PARTY_ORG_LEVELS.slice(PARTY_ORG_LEVELS.indexOf(parent) + 1)
}

/** 功能型组织关系只能挂在这些支部上；第一组织关系不能是功能型党支部，也不能是临时党支部（与服务端规则一致） */
const FUNCTIONAL_KINDS: readonly BranchKind[] = ['功能型党支部', '临时党支部', '界别党支部']
const NEVER_PRIMARY: readonly BranchKind[] = ['功能型党支部', '临时党支部']
export function allowsMembership(branchKind: BranchKind | null, kind: 'primary' | 'functional'): boolean {
  if (!branchKind) return false
  return kind === 'functional' ? FUNCTIONAL_KINDS.includes(branchKind) : !NEVER_PRIMARY.includes(branchKind)
}
