import { type Viewer, canSeeSensitive, maskPhone } from './privacy';

describe('手机号脱敏', () => {
  test('11 位手机号保留前三后四', () => expect(maskPhone('13912345678')).toBe('139****5678'));
  test('没有手机号仍是没有', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone('')).toBe('');
  });
  test('太短的号码整个遮住', () => expect(maskPhone('12345')).toBe('****'));
  test('脱敏后看不出中间四位', () => expect(maskPhone('13912345678')).not.toContain('1234'));
});

describe('谁能看手机号与政治面貌', () => {
  const viewer = (v: Partial<Viewer>): Viewer => ({ memberId: 'me', isAdmin: false, managedBranchIds: [], ...v });

  test('办公室管理员看所有人', () => {
    expect(canSeeSensitive(viewer({ isAdmin: true }), 'someone', [])).toBe(true);
  });

  test('本人看自己', () => {
    expect(canSeeSensitive(viewer({}), 'me', [])).toBe(true);
  });

  test('支部书记看本支部成员（哪怕只是功能型关系所在的支部）', () => {
    expect(canSeeSensitive(viewer({ managedBranchIds: ['B'] }), 'someone', ['retired', 'B'])).toBe(true);
  });

  test('支部书记看不到其他支部的成员', () => {
    expect(canSeeSensitive(viewer({ managedBranchIds: ['B'] }), 'someone', ['A'])).toBe(false);
  });

  test('支部书记看不到没有组织关系的人（非党员）', () => {
    expect(canSeeSensitive(viewer({ managedBranchIds: ['B'] }), 'nonCpc', [])).toBe(false);
  });

  test('普通成员看不到别人', () => {
    expect(canSeeSensitive(viewer({}), 'someone', ['A'])).toBe(false);
  });
});
