import { nameSortKey } from './name-sort';

describe('姓名按拼音排序', () => {
  test('常见姓名按拼音排；与字典一致：li 在 liu 之前', () => {
    const names = ['周敏', '李建国', '王秀兰', '陈志远', '刘洋', '李娜'];
    expect([...names].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : 1))).toEqual(['陈志远', '李建国', '李娜', '刘洋', '王秀兰', '周敏']);
  });

  test('多音的姓按姓氏读音：单、曾、解、区、仇', () => {
    expect(nameSortKey('单雄')).toBe('shan4 xiong2');
    expect(nameSortKey('曾国强')).toMatch(/^zeng1 /);
    expect(nameSortKey('解放')).toMatch(/^xie4 /);
    expect(nameSortKey('区志明')).toMatch(/^ou1 /);
    expect(nameSortKey('仇红')).toMatch(/^qiu2 /);
  });

  test('键只含 ASCII（数据库按字节比较即可），前后空白不影响', () => {
    expect(nameSortKey(' 周敏 ')).toBe(nameSortKey('周敏'));
    expect(nameSortKey('Anna李')).toMatch(/^[\x20-\x7e]+$/);
  });
});
