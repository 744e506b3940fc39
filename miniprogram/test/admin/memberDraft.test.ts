import { EMPTY_DRAFT, checkDraft, toCreateInput } from '../../src/admin/shared/memberDraft'

describe('新增成员的表单', () => {
  it('不预设政治面貌：没选就提示，不会把漏选的人当成党员', () => {
    expect(EMPTY_DRAFT.affiliation).toBeNull()
    expect(checkDraft({ ...EMPTY_DRAFT, name: '张三' }, false)).toBe('请选择政治面貌')
  })
  it('选了政治面貌就能提交', () => {
    const draft = { ...EMPTY_DRAFT, name: '张三', affiliation: '民盟' as const }
    expect(checkDraft(draft, false)).toBeNull()
    expect(toCreateInput(draft)).toMatchObject({ name: '张三', affiliation: '民盟', memberships: [] })
  })
})
