/**
 * 订阅消息的字段取值（纯函数）。微信按字段的类型限制取值，超长或格式不对时整条消息发送失败（47003）：
 * `thing` ≤ 20 个字符，`phrase` ≤ 5 个汉字，`name` ≤ 10，`character_string` ≤ 32 个字母数字符号，`time`、`date` 有固定格式。
 * 模板里字段的键就带着类型：thing1、time2、phrase3……所以按键名的前缀决定怎么写。
 * 长文字“有意义地”变短：先去掉括号里的补充说明、去掉“关于”之类的冗余前缀，仍超长时在标点或空白处截断，末尾加“…”；
 * 按 Unicode 码点计数与截断，从不切开一个代理对（生僻字、表情）。
 */

export type FieldType = 'thing' | 'time' | 'date' | 'phrase' | 'name' | 'character_string' | 'number' | 'letter' | 'symbol';

export const FIELD_LIMITS: Partial<Record<FieldType, number>> = { thing: 20, phrase: 5, name: 10, character_string: 32, number: 32, letter: 32, symbol: 5 };

/** 码点数组：'𠀀' 算一个字符 */
const chars = (s: string): string[] => Array.from(s);

const BRACKETS = /[（(【[〔《<][^）)】\]〕》>]*[）)】\]〕》>]/g;
/** 标题常见的冗余前缀：去掉后意思不变 */
const REDUNDANT_PREFIXES = ['关于召开', '关于举办', '关于开展', '关于', '有关'];
/** 可以在它之后断开的字符 */
const BREAK_AFTER = /[，,。；;：:、！!？?\s·—-]/;

function tidy(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** 把一段文字缩到 max 个字符以内（含末尾的“…”） */
export function shorten(text: string, max: number): string {
  let s = tidy(text);
  if (chars(s).length <= max) return s;
  const unbracketed = tidy(s.replace(BRACKETS, ''));
  if (unbracketed) s = unbracketed;
  if (chars(s).length <= max) return s;
  const prefix = REDUNDANT_PREFIXES.find((p) => s.startsWith(p) && s.length > p.length);
  if (prefix) s = s.slice(prefix.length);
  const cs = chars(s);
  if (cs.length <= max) return s;
  const room = max - 1;
  // 在 room 以内找最后一个可断开的位置；太靠前（不到一半）就不如直接截断
  let cut = room;
  for (let i = room; i > Math.floor(room / 2); i--) {
    if (BREAK_AFTER.test(cs[i - 1]) || BREAK_AFTER.test(cs[i] ?? '')) {
      cut = i;
      break;
    }
  }
  const head = cs
    .slice(0, cut)
    .join('')
    .replace(/[，,。；;：:、\s·—-]+$/, '');
  return `${head}…`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 北京时间（UTC+8，无夏令时）的年月日时分 */
function beijingParts(at: Date): { y: number; mo: number; d: number; h: number; mi: number } {
  const t = new Date(at.getTime() + 8 * 3600_000);
  return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes() };
}

/** time 字段：2026年12月03日 14:30 */
export function timeField(at: Date): string {
  const p = beijingParts(at);
  return `${p.y}年${pad(p.mo)}月${pad(p.d)}日 ${pad(p.h)}:${pad(p.mi)}`;
}

/** date 字段：2026年12月03日 */
export function dateField(at: Date): string {
  const p = beijingParts(at);
  return `${p.y}年${pad(p.mo)}月${pad(p.d)}日`;
}

/** 字段键的类型：thing1 → thing，character_string2 → character_string */
export function fieldType(key: string): FieldType | undefined {
  const t = key.replace(/\d+$/, '');
  return (['thing', 'time', 'date', 'phrase', 'name', 'character_string', 'number', 'letter', 'symbol'] as const).find((x) => x === t);
}

/** 按字段类型写出取值；time、date 的取值须是时间（ISO 字符串或 Date） */
export function fieldValue(key: string, value: string | Date): string {
  const type = fieldType(key) ?? 'thing';
  if (type === 'time' || type === 'date') {
    const at = value instanceof Date ? value : new Date(value);
    return type === 'time' ? timeField(at) : dateField(at);
  }
  const text = value instanceof Date ? timeField(value) : value;
  const limit = FIELD_LIMITS[type] ?? 20;
  if (type === 'character_string' || type === 'letter' || type === 'number') {
    // 只收字母、数字与常见符号：汉字去掉
    return chars(text.replace(/[^\x21-\x7e]/g, ''))
      .slice(0, limit)
      .join('');
  }
  // 短语与姓名是一个词，不加省略号
  if (type === 'phrase' || type === 'name' || type === 'symbol') return chars(tidy(text)).slice(0, limit).join('');
  return shorten(text, limit) || '—';
}
