import { EMPTY_DRAFT, checkDraft, toCreateInput, toUpdateInput } from '../../src/admin/shared/memberDraft'

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

describe('名册字段：性别、民族、出生年月、工作单位及职务、届次', () => {
  const base = { ...EMPTY_DRAFT, name: '张三', affiliation: '民盟' as const }
  it('新增时都是空的；填了就随新增提交，没填的交 null', () => {
    expect([EMPTY_DRAFT.gender, EMPTY_DRAFT.ethnicity, EMPTY_DRAFT.birthMonth, EMPTY_DRAFT.workUnit, EMPTY_DRAFT.term]).toEqual([null, null, '', '', ''])
    expect(toCreateInput({ ...base, gender: '男', ethnicity: '汉族', birthMonth: ' 1965-03 ', workUnit: '市第一中学 校长' })).toMatchObject({
      gender: '男',
      ethnicity: '汉族',
      birthMonth: '1965-03',
      workUnit: '市第一中学 校长',
      term: null,
    })
  })
  it('出生年月写错了：提示写法', () => {
    expect(checkDraft({ ...base, birthMonth: '1965.3' }, false)).toBe('出生年月请写成 1965-03 这样的年-月')
    expect(checkDraft({ ...base, birthMonth: '1965-03' }, false)).toBeNull()
  })
  it('编辑只提交改动的名册字段；清空的交 null', () => {
    const before = { ...base, term: '第十五届', workUnit: '市一中' }
    expect(toUpdateInput('m-1', before, { ...before, term: '第十六届', workUnit: '' }, false)).toEqual({ memberId: 'm-1', term: '第十六届', workUnit: null })
  })
})
