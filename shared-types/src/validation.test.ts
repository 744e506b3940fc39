import { z } from 'zod';
import { describeIssues } from './validation';

const schema = z.strictObject({
  name: z.string().min(1).max(10).describe('姓名'),
  phone: z
    .string()
    .regex(/^1\d{10}$/, '手机号应为 11 位数字')
    .optional()
    .describe('手机号'),
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

describe('文字字段拒绝控制字符与文字方向控制符', () => {
  const { contract } = require('./contract') as typeof import('./contract');
  const { multilineText, plainText } = require('./schemas/common') as typeof import('./schemas/common');

  /** 一个 schema 里的全部文字节点（穿过 optional/default/nullable、对象、数组、pipe） */
  function stringNodes(node: z.ZodType, path: string, out: Array<[string, z.ZodType]>): void {
    if (node instanceof z.ZodString) out.push([path, node]);
    else if (node instanceof z.ZodOptional || node instanceof z.ZodNullable || node instanceof z.ZodDefault) stringNodes(node.unwrap() as z.ZodType, path, out);
    else if (node instanceof z.ZodObject) for (const [k, v] of Object.entries(node.shape as Record<string, z.ZodType>)) stringNodes(v, `${path}.${k}`, out);
    else if (node instanceof z.ZodArray) stringNodes(node.element as z.ZodType, `${path}[]`, out);
    else if (node instanceof z.ZodPipe) {
      stringNodes(node.in as z.ZodType, path, out);
      stringNodes(node.out as z.ZodType, path, out);
    }
  }

  const nodes: Array<[string, z.ZodType]> = [];
  for (const [fn, actions] of Object.entries(contract))
    for (const [action, schema] of Object.entries(actions)) stringNodes(schema as z.ZodType, `${fn}.${action}`, nodes);

  test('契约里找得到文字字段', () => expect(nodes.length).toBeGreaterThan(30));
  test.each(['\u0000', '\u0007', '\u001B', '\u007F', '\u202E', '\u202A', '\u2066', '\u2069', '\u200E', '\u200F'])('每个文字字段都拒绝 U+%s', (ch) => {
    const accepted = nodes.filter(([, s]) => s.safeParse(`正常文字${ch}`).success || s.safeParse(`${ch}`).success).map(([p]) => p);
    expect(accepted).toEqual([]);
  });

  const single = plainText().max(20).describe('姓名');
  const multi = multilineText().max(20).describe('原因');
  test('单行文字拒绝换行与制表符，多行文字允许', () => {
    expect(single.safeParse('张三\n李四').success).toBe(false);
    expect(single.safeParse('张三\t').success).toBe(false);
    expect(multi.safeParse('第一行\n第二行\t缩进').success).toBe(true);
    expect(multi.safeParse('第一行\r\n').success).toBe(false);
  });
  test('中文提示点名字段', () => {
    const schema = z.strictObject({ name: single, reason: multi });
    const input = { name: '张\u202E三', reason: '好' };
    const r = schema.safeParse(input);
    expect(r.success).toBe(false);
    if (!r.success) expect(describeIssues(schema, r.error.issues, input)).toBe('「姓名」含有不可见的控制字符或文字方向控制符，请删除后重新输入');
  });
  test('普通中文、英文、标点、表情照常通过', () => {
    expect(single.safeParse('王秀兰 Wang·Xiulan（委员）😀').success).toBe(true);
  });
});
