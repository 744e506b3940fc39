import { editDistance, nearestAllowed, suggestion } from './nearest';

const SECTORS = ['中国共产党', '民建', '经济界', '教育界', '科技界', '文化艺术界'];

describe('nearestAllowed：认不出的值猜最接近的允许值', () => {
  test('少写了“界”：经济 → 经济界', () => {
    expect(nearestAllowed('经济', SECTORS)).toBe('经济界');
  });
  test('多写了字：民建市委 → 民建', () => {
    expect(nearestAllowed('民建市委', SECTORS)).toBe('民建');
  });
  test('写错一个字：教肓界 → 教育界', () => {
    expect(nearestAllowed('教肓界', SECTORS)).toBe('教育界');
  });
  test('包含关系里取长度最接近的：文化 → 文化艺术界（唯一包含它的）', () => {
    expect(nearestAllowed('文化', SECTORS)).toBe('文化艺术界');
    expect(nearestAllowed('经济委', ['经济委员会', '经济委'])).toBe('经济委');
  });
  test('两个字错一个不算像：主任 ≠ 主席', () => {
    expect(nearestAllowed('主任', ['主席', '副主席', '委员'])).toBeNull();
  });
  test('完全不像时不硬猜', () => {
    expect(nearestAllowed('体育', SECTORS)).toBeNull();
    expect(nearestAllowed('农业农村', SECTORS)).toBeNull();
  });
  test('空值、空列表：null', () => {
    expect(nearestAllowed('  ', SECTORS)).toBeNull();
    expect(nearestAllowed('经济', [])).toBeNull();
  });
  test('民族少写“族”：汉 → 汉族', () => {
    expect(nearestAllowed('汉', ['汉族', '回族', '满族'])).toBe('汉族');
  });
});

describe('suggestion：提示的后半句', () => {
  test('猜得出时带问句，猜不出时为空', () => {
    expect(suggestion('经济', SECTORS)).toBe('，是不是“经济界”？');
    expect(suggestion('体育', SECTORS)).toBe('');
  });
});

test('editDistance 按字计', () => {
  expect(editDistance('教育界', '教肓界')).toBe(1);
  expect(editDistance('', '民建')).toBe(2);
  expect(editDistance('经济', '经济界')).toBe(1);
});
