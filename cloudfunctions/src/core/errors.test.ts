/**
 * 错误码目录的守门测试：抛出处只写目录里的键（不写句子）；每个操作声明了它的处理器可能抛出的码，
 * /api/dev/contract 据此列出每个操作可能返回的错误。
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { AppError, ERROR_MESSAGES, type ErrorKey, formatMessage, wireCode } from '@tongxin/shared-types';
import type { AnyAction } from './action';
import { actionErrors } from './errors';

const SRC = resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** 文件里 new AppError(...) / fail(...) 点到的键（含 `条件 ? '甲' : '乙'` 的两支） */
function thrownKeys(source: string): string[] {
  const keys: string[] = [];
  for (const m of source.matchAll(/(?:new AppError|\bfail)\(\s*([^)]*?)[,)]/g)) {
    for (const k of m[1].matchAll(/'([^']+)'/g)) if (/^[A-Z]/.test(k[1])) keys.push(k[1]);
  }
  return keys;
}

/**
 * 纯规则里“返回拒绝码、由处理器抛出”的函数（如 domain/points-authority 的 adjustRefusal）：`return 'POINTS.SELF'`、
 * `? 'A' : 'B'` 里的带命名空间的码。处理器用变量抛出（throw new AppError(code)），按名字跟到这些函数时把它们算上。
 */
function returnedKeys(source: string): string[] {
  const keys: string[] = [];
  for (const m of source.matchAll(/\breturn\s+([^;\n]*)/g)) {
    for (const k of m[1].matchAll(/'([A-Z_]+\.[A-Z_]+(?:#[A-Z_]+)?)'/g)) if (Object.hasOwn(ERROR_MESSAGES, k[1])) keys.push(k[1]);
  }
  return keys;
}

/** 端口方法可能抛出的码（见 core/ports.ts 的说明） */
const PORT_ERRORS: Array<[RegExp, string[]]> = [[/\bfiles\.read\(/, ['FILE.NOT_FOUND', 'FILE.TOO_LARGE']]];

/** 一个模块的顶层声明（函数、常量）：各自的源码 */
function declarations(file: string): Map<string, string> {
  const source = readFileSync(file, 'utf8');
  const starts = [...source.matchAll(/^(?:export )?(?:async )?(?:function\*? |const |let )(\w+)/gm)];
  return new Map(starts.map((m, i) => [m[1], source.slice(m.index, starts[i + 1]?.index ?? source.length)]));
}

/** 模块里以相对路径引入的名字 → 定义它的文件 */
function imports(file: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const m of readFileSync(file, 'utf8').matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'(\.[^']+)'/g)) {
    const base = resolve(dirname(file), m[2]);
    const target = [`${base}.ts`, join(base, 'index.ts')].find((p) => statSync(p, { throwIfNoEntry: false })?.isFile());
    if (!target) continue;
    for (const part of m[1].split(',')) {
      const [original, alias] = part
        .replace(/\btype\s+/, '')
        .trim()
        .split(/\s+as\s+/);
      if (original) names.set(alias ?? original, target);
    }
  }
  return names;
}

/**
 * 一段处理器代码可能抛出的键：它自己写的，加上它用到的（同文件或相对引入的）函数里抛出的，递归。
 * 按名字跟踪，不做类型分析：足以抓住“新加了一个 throw 却没声明”。
 */
function reachableKeys(file: string, body: string, seen = new Set<string>()): Set<string> {
  const keys = new Set([...thrownKeys(body), ...returnedKeys(body)]);
  // 端口的实现在 adapters/ 里、按名字跟不到：端口声明（core/ports.ts）里写明的码在这里补上
  for (const [call, portKeys] of PORT_ERRORS) if (call.test(body)) portKeys.forEach((k) => keys.add(k));
  const local = declarations(file);
  const imported = imports(file);
  for (const [, name] of body.matchAll(/\b([A-Za-z_]\w*)\b/g)) {
    const target = imported.get(name) ?? (local.has(name) ? file : undefined);
    const id = `${target}:${name}`;
    if (!target || seen.has(id)) continue;
    seen.add(id);
    const decl = declarations(target).get(name);
    if (!decl || decl.includes('defineAction(')) continue;
    for (const k of reachableKeys(target, decl, seen)) keys.add(k);
  }
  return keys;
}

/** 由分发器、身份与范围检查统一产生，actionErrors 已按声明列出，处理器不必再写 */
const FROM_DISPATCHER = new Set<string>([
  'UNAUTHENTICATED',
  'NOT_BOUND',
  'FORBIDDEN',
  'FORBIDDEN#OUT_OF_BRANCH',
  'FORBIDDEN#MEMBER_OUT_OF_BRANCH',
  'INVALID_PARAMETER#FIELD',
  'INVALID_PARAMETER#NO_ACTION',
  'UNKNOWN_ACTION#NAMED',
  'INTERNAL',
]);

describe('错误码目录', () => {
  test('键的写法：通用码或 命名空间.码，变体写在 # 之后，且变体的通用码在目录里', () => {
    for (const key of Object.keys(ERROR_MESSAGES)) {
      expect(key).toMatch(/^[A-Z_]+(\.[A-Z_]+)?(#[A-Z_]+)?$/);
      expect(Object.hasOwn(ERROR_MESSAGES, wireCode(key as ErrorKey))).toBe(true);
    }
  });

  test('带参数的提示按参数填好；变体在线上是通用码', () => {
    const err = new AppError('POINTS.YEAR_CLOSED', { year: 2025 });
    expect([err.code, err.message]).toEqual(['POINTS.YEAR_CLOSED', '2025 年度积分已关账，不能再记分']);
    const variant = new AppError('NOT_FOUND#EVENT');
    expect([variant.code, variant.key, variant.message]).toEqual(['NOT_FOUND', 'NOT_FOUND#EVENT', '活动不存在']);
    expect(formatMessage('CONFLICT#ORG_NAME_TAKEN', { name: '机关党委' })).toBe('已有名为“机关党委”的组织');
  });

  test('抛出处不写句子：new AppError / fail 的第二个参数不是写死的中文', () => {
    const offenders = sourceFiles(SRC).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(?:new AppError|\bfail)\(\s*'[^']+'\s*,\s*(['"`])([^'"`]*)/g)]
        .filter((m) => /[\u4e00-\u9fff]/.test(m[2]))
        .map((m) => `${relative(SRC, file)}: ${m[0]}`),
    );
    expect(offenders).toEqual([]);
  });

  test('抛出的每个键都在目录里', () => {
    const unknown = sourceFiles(SRC).flatMap((file) =>
      thrownKeys(readFileSync(file, 'utf8'))
        .filter((k) => !Object.hasOwn(ERROR_MESSAGES, k))
        .map((k) => `${relative(SRC, file)}: ${k}`),
    );
    expect(unknown).toEqual([]);
  });
});

describe('每个操作声明它可能返回的错误', () => {
  const fnRoot = join(SRC, 'functions');
  const handlerFiles = readdirSync(fnRoot).flatMap((fn) =>
    statSync(join(fnRoot, fn)).isDirectory()
      ? readdirSync(join(fnRoot, fn))
          .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
          .map((f) => join(fnRoot, fn, f))
          .filter((f) => /= defineAction\(/.test(readFileSync(f, 'utf8')))
      : [],
  );

  const cases = handlerFiles.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/export const (\w+) = defineAction\(/g)].map((m) => [`${relative(fnRoot, file)} ${m[1]}`, file, m[1]] as const),
  );

  test.each(cases)('%s：处理器与它调用的函数抛出的码都已声明，声明的码也都会抛出', (_label, file, name) => {
    const declared = new Set<string>((require(file) as Record<string, AnyAction>)[name].errors);
    const body = declarations(file).get(name)!;
    const thrown = [...reachableKeys(file, body, new Set([`${file}:${name}`]))].filter((k) => !FROM_DISPATCHER.has(k));
    const undeclared = thrown.filter((k) => !declared.has(k));
    const stale = [...declared].filter((k) => !thrown.includes(k));
    expect({ undeclared, stale }).toEqual({ undeclared: [], stale: [] });
  });

  test('合同里的错误：身份、输入与意外总在；有角色要求的有 FORBIDDEN；只要身份的没有 NOT_BOUND', () => {
    const base = { input: {} as never, handler: async () => null, errors: ['POINTS.NOT_PUBLIC'] as const };
    const identity = actionErrors({ ...base, access: 'identity' } as AnyAction).map((e) => e.code);
    expect(identity).toEqual(['UNAUTHENTICATED', 'INVALID_PARAMETER', 'INTERNAL', 'POINTS.NOT_PUBLIC']);
    const scoped = actionErrors({ ...base, access: { roles: ['secretary'], scope: { kind: 'branch', branchId: () => 'b' } } } as AnyAction);
    expect(scoped.map((e) => e.key)).toEqual([
      'UNAUTHENTICATED',
      'INVALID_PARAMETER#FIELD',
      'INTERNAL',
      'NOT_BOUND',
      'FORBIDDEN',
      'FORBIDDEN#OUT_OF_BRANCH',
      'POINTS.NOT_PUBLIC',
    ]);
  });
});
