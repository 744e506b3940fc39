import { z } from 'zod';
import { describeIssues } from './validation';

const schema = z.strictObject({
  name: z.string().min(1).max(10).describe('姓名'),
  phone: z.string().regex(/^1\d{10}$/, '手机号应为 11 位数字').optional().describe('手机号'),
  tags: z.array(z.string().describe('标签')).optional(),
  kind: z.enum(['a', 'b']).describe('类别'),
});

function message(input: unknown): string {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('应当校验失败');
  return describeIssues(schema, r.error.issues, input);
}

describe('describeIssues：中文提示点名字段', () => {
  test('缺少必填字段', () => expect(message({ kind: 'a' })).toBe('「姓名」为必填项'));
  test('类型不对', () => expect(message({ name: 3, kind: 'a' })).toBe('「姓名」类型不正确，应为文字'));
  test('空字符串', () => expect(message({ name: '', kind: 'a' })).toBe('「姓名」不能为空'));
  test('过长', () => expect(message({ name: '一二三四五六七八九十一', kind: 'a' })).toBe('「姓名」不能超过 10 个字'));
  test('自定义中文提示原样使用', () => expect(message({ name: '张三', phone: '123', kind: 'a' })).toBe('「手机号」手机号应为 11 位数字'));
  test('枚举列出可选值', () => expect(message({ name: '张三', kind: 'c' })).toBe('「类别」取值不正确，可选：a、b'));
  test('数组元素', () => expect(message({ name: '张三', kind: 'a', tags: ['x', 1] })).toBe('「标签」类型不正确，应为文字'));
  test('多余字段', () => expect(message({ name: '张三', kind: 'a', hack: 1 })).toBe('「请求数据」包含不支持的字段：hack'));
  test('整体类型不对', () => expect(message('x')).toBe('「请求数据」类型不正确，应为对象'));
});
