import { z } from 'zod';

/**
 * 把 zod 的校验问题写成一句中文，点名出错的字段（用 schema 上 describe 的中文名，没有则用字段路径）。
 */
export function describeIssues(schema: z.ZodType, issues: readonly z.core.$ZodIssue[], input: unknown): string {
  const first = issues[0];
  if (!first) return '提交的内容有误';
  const label = first.path.length ? fieldLabel(schema, first.path) : '请求数据';
  return `「${label}」${issueReason(first, valueAt(input, first.path))}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function issueReason(issue: z.core.$ZodIssue, value: unknown): string {
  // 带自定义中文提示的直接使用（zod 的英文默认提示里也会夹着中文的可选值，如 Invalid option: expected one of "中共党员"|…，不算）
  if (issue.message && /[\u4e00-\u9fa5]/.test(issue.message) && !/^[A-Za-z]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? '为必填项' : `类型不正确，应为${typeName(issue.expected)}`;
    case 'too_small':
      return issue.origin === 'string' ? (Number(issue.minimum) <= 1 ? '不能为空' : `至少需要 ${issue.minimum} 个字`) : `不能小于 ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string' ? `不能超过 ${issue.maximum} 个字` : `不能大于 ${issue.maximum}`;
    case 'invalid_value':
      if (value === undefined) return '为必填项';
      return `取值不正确，可选：${issue.values.map(String).join('、')}`;
    case 'unrecognized_keys':
      return `包含不支持的字段：${issue.keys.join('、')}`;
    case 'invalid_format':
      return '格式不正确';
    default:
      return '内容不正确';
  }
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: '文字',
    number: '数字',
    int: '整数',
    boolean: '是/否',
    object: '对象',
    array: '列表',
  };
  return names[expected] ?? expected;
}

/** 沿着路径在 schema 里找字段的中文名 */
function fieldLabel(root: z.ZodType, path: readonly PropertyKey[]): string {
  let node: z.ZodType | undefined = root;
  let label = '';
  for (const key of path) {
    node = node ? unwrap(node) : undefined;
    if (node instanceof z.ZodObject) {
      node = (node.shape as Record<string, z.ZodType>)[String(key)];
    } else if (node instanceof z.ZodArray) {
      node = node.element as z.ZodType;
    } else {
      node = undefined;
    }
    const described = node?.description ?? (node ? unwrap(node).description : undefined);
    label = described ?? (typeof key === 'number' ? `${label}第${key + 1}项` : String(key));
  }
  return label;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  for (let i = 0; i < 5; i++) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) {
      s = s.unwrap() as z.ZodType;
    } else break;
  }
  return s;
}
