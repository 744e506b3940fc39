import { allowsMembership } from '../../src/admin/shared/org'

describe('成员表单里支部的可选范围（与服务端规则一致）', () => {
  it('第一组织关系不能选功能型党支部或临时党支部', () => {
    expect(allowsMembership('临时党支部', 'primary')).toBe(false)
    expect(allowsMembership('功能型党支部', 'primary')).toBe(false)
    expect(allowsMembership('机关支部', 'primary')).toBe(true)
  })
  it('临时党支部可以是功能型关系', () => {
    expect(allowsMembership('临时党支部', 'functional')).toBe(true)
    expect(allowsMembership('机关支部', 'functional')).toBe(false)
  })
})
