type PinyinPro = typeof import('pinyin-pro');

let pinyinPro: PinyinPro | undefined;
/** 拼音词典约 0.5 MB，只有写名字的操作用得到：第一次用时才加载（云函数冷启动不为它付钱，见 build.mjs 的 LAZY） */
function lib(): PinyinPro {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (pinyinPro ??= require('pinyin-pro') as PinyinPro);
}

/**
 * 姓名的排序键：按汉语拼音（带声调数字），姓按姓氏读音（单 shàn、曾 zēng、解 xiè、区 ōu）。
 * 名单按它排序即为通常的“按姓名拼音排序”；键只含 ASCII，数据库按字节比较（COLLATE "C"）即可，
 * 嵌入式 PGlite 与服务器上的 PostgreSQL 排出的次序相同（PGlite 没有中文排序规则）。
 * 例：李建国 → "li3 jian4 guo2"；"li3" 排在 "liu2" 之前，与字典一致。
 */
export function nameSortKey(name: string): string {
  return lib()
    .pinyin(name.trim(), { toneType: 'num', type: 'array', surname: 'head', nonZh: 'consecutive' })
    .map((s) => s.toLowerCase())
    .join(' ');
}
