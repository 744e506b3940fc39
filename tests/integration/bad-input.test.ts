/**
 * 坏输入：注册表里的每个操作，由有权调用的人送来不合规的 data，都得到点名字段的中文 INVALID_PARAMETER，且什么也不写。
 */
import { z } from 'zod';
import type { Access } from '../../cloudfunctions/src/core/action';
import { functions } from '../../cloudfunctions/src/functions';
import { CHINESE, client, orgSnapshot } from '../support/call';
import { useTestDb } from '../support/db';
import { type FixtureOrg, createFixtureOrg } from '../support/fixture-org';
import { REGISTRY, SAMPLES } from '../support/samples';

const t = useTestDb();

/** 一个有权调用该操作的人 */
function allowedCaller(access: Access, org: FixtureOrg): string {
  if (access === 'identity') return org.unboundOpenid;
  if (access === 'member') return org.members.cpc.openid;
  if (access.roles.includes('admin')) return org.members.admin.openid;
  if (access.roles.includes('handler')) return org.units.lead.openid;
  if (access.roles.includes('secretary')) return org.members.secB.openid;
  return access.roles.includes('staff') ? org.members.staff.openid : org.members.cpc.openid;
}

/** 操作输入的顶层字段（剥掉 optional/default） */
function fieldsOf(schema: z.ZodType): Record<string, z.ZodType> {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
  return s instanceof z.ZodObject ? (s.shape as Record<string, z.ZodType>) : {};
}

/** 字段的中文名（describe 可能在 optional/default 的里层） */
function describedAs(schema: z.ZodType): string | undefined {
  let s: z.ZodType = schema;
  for (;;) {
    if (s.description) return s.description;
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
    else return undefined;
  }
}

/** 错误类型的值：对象对任何字段都不对；样例里有的字段再换成另一种基本类型 */
function wrongValues(value: unknown): unknown[] {
  const swapped =
    typeof value === 'string'
      ? 12345
      : typeof value === 'number'
        ? '12'
        : typeof value === 'boolean'
          ? '是'
          : Array.isArray(value)
            ? '列表'
            : value === null
              ? true
              : undefined;
  return swapped === undefined ? [{ 错: 1 }] : [{ 错: 1 }, swapped];
}

/** 样例里每个文字叶子的路径（含嵌套对象与数组里的） */
function stringPaths(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  return [];
}

/** 深拷贝后把 path 处的值换掉 */
function withValueAt(value: unknown, path: ReadonlyArray<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) }) as Record<string | number, unknown>;
  copy[head] = withValueAt(copy[head], rest, replacement);
  return copy;
}

/** 样例里没有、但 schema 里是文字的顶层字段（可选的搜索词、令牌……）：也要试到 */
function isTextField(schema: z.ZodType): boolean {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
  return s instanceof z.ZodString || (s instanceof z.ZodPipe && s.in instanceof z.ZodString);
}

/** 控制字符与方向控制符：NUL 接在末尾，U+202E 插在中间（另加一个不可见的 U+2066） */
const POISONED: Array<[string, (v: string) => string]> = [
  ['NUL', (v) => `${v}\u0000`],
  ['U+202E', (v) => `${v.slice(0, 1)}\u202E${v.slice(1)}`],
  ['U+2066', (v) => `\u2066${v}`],
];

const asRecord = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

describe.each(REGISTRY)('%s 的坏输入', (name, def) => {
  const [fn, action] = name.split('.');
  let org: FixtureOrg;
  let sample: Record<string, unknown>;
  let openid: string;
  const c = () => client(t.db());

  beforeAll(async () => {
    org = await createFixtureOrg(t.db());
    const s = SAMPLES[name];
    if (!s) throw new Error(`${name} 没有样例输入：请在 tests/support/samples.ts 的 SAMPLES 里补上`);
    sample = asRecord(await s.data({ db: t.db(), org, target: { memberId: org.members.cpc.id, branchId: org.branches.B }, admin: c() }));
    openid = allowedCaller(def.access, org);
  });

  /** 调用并断言：INVALID_PARAMETER、中文提示点名字段、什么也没写（含绑定失败记录） */
  async function expectRejected(data: unknown, mention?: string) {
    const db = t.db();
    const before = await orgSnapshot(db, org.orgId);
    const res = await functions[fn].handle({ action, data }, openid, c().deps);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('INVALID_PARAMETER');
    expect(res.error.message).toMatch(/^「[^」]*[\u4e00-\u9fa5][^」]*」/);
    expect(res.error.message).toMatch(CHINESE);
    if (mention) expect(res.error.message).toContain(mention);
    expect(await orgSnapshot(db, org.orgId)).toEqual(before);
    const attempts = await db.selectFrom('bind_attempt').select('id').where('openid', '=', openid).execute();
    expect(attempts).toHaveLength(0);
  }

  test.each([
    ['文字', 'x'],
    ['数组', [1]],
    ['数字', 7],
    ['null', null],
    ['只有未知字段', { __bogus: 1 }],
  ])('data 是%s → INVALID_PARAMETER', async (_label, data) => {
    await expectRejected(data);
  });

  test('合法输入外加未知字段 → 点名多余字段', async () => {
    await expectRejected({ ...sample, __bogus: 1 }, '__bogus');
  });

  test('每个文字字段里有控制字符或方向控制符 → INVALID_PARAMETER，不会是 INTERNAL', async () => {
    const extra = Object.entries(fieldsOf(def.input)).filter(([k, schema]) => !(k in sample) && isTextField(schema));
    const base = { ...sample, ...Object.fromEntries(extra.map(([k]) => [k, '文字'])) };
    const paths = stringPaths(base);
    for (const path of paths) {
      const original = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], base) as string;
      for (const [, poison] of POISONED) await expectRejected(withValueAt(base, path, poison(original || '字')));
    }
  });

  test('每个字段换成错误类型 → 点名该字段', async () => {
    const fields = Object.entries(fieldsOf(def.input));
    for (const [key, schema] of fields) {
      const label = describedAs(schema);
      // 对象字段收到对象时，提示点名的是里层缺的字段（如「纬度」），只要求是中文
      const isObjectField = Object.keys(fieldsOf(schema)).length > 0;
      for (const bad of wrongValues(sample[key])) {
        const nested = isObjectField && typeof bad === 'object';
        await expectRejected({ ...sample, [key]: bad }, label && !nested ? `「${label}」` : undefined);
      }
    }
  });
});
