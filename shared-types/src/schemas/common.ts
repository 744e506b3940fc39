import { z } from 'zod';

/** 不接受任何字段的输入（只允许省略或空对象） */
export const emptyInput = z.strictObject({}).optional();

export const idSchema = (label: string) => z.uuid({ error: `${label}格式不正确` }).describe(label);

export const pageInput = {
  page: z.number().int().min(1).default(1).describe('页码'),
  pageSize: z.number().int().min(1).max(100).default(20).describe('每页条数'),
};

/**
 * 文字里不许出现的字符：C0 控制字符（NUL 等）、DEL，以及文字方向控制符（U+202A–U+202E、U+2066–U+2069、
 * U+200E/U+200F、U+061C）。前者让数据库报错（NUL 进不了 text 列），后者能让名单、导出里的名字“读起来”是另一个样子。
 * 多行文字（原因、答复、心得）另外允许换行与制表符。
 */
const BIDI = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
export const SINGLE_LINE_TEXT = new RegExp(`^[^\\u0000-\\u001F\\u007F${BIDI}]*$`);
export const MULTILINE_TEXT = new RegExp(`^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F${BIDI}]*$`);
export const CONTROL_CHARS_MESSAGE = '含有不可见的控制字符或文字方向控制符，请删除后重新输入';

/** 单行文字（姓名、标题、地点、搜索词、代码……）：每个文字字段都从这里或 multilineText 开始 */
export const plainText = () => z.string().regex(SINGLE_LINE_TEXT, CONTROL_CHARS_MESSAGE);

/** 多行文字（原因、答复、心得）：允许换行与制表符，其余同 plainText */
export const multilineText = () => z.string().regex(MULTILINE_TEXT, CONTROL_CHARS_MESSAGE);
