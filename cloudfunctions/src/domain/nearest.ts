/**
 * 导入时认不出的值，猜办公室本来想填哪一个（“经济” → “经济界”，“民盟市委” → “民盟”）：
 * 1. 一方包含另一方（最常见：少写或多写了“界”“委员会”“族”），取长度最接近的；
 * 2. 否则取编辑距离最小的，且错的字不到较短一方的一半（三个字错一个还算像；两个字错一个就不算：“主任”不是“主席”）。
 * 同样接近时取允许值列表里靠前的一个。猜不出时返回 null，不硬猜。
 */
export function nearestAllowed(value: string, allowed: readonly string[]): string | null {
  const v = value.trim();
  if (!v || allowed.length === 0) return null;
  if (allowed.includes(v)) return v;
  let best: { option: string; score: number } | null = null;
  const consider = (option: string, score: number) => {
    if (!best || score < best.score) best = { option, score };
  };
  for (const option of allowed) {
    if (option.includes(v) || v.includes(option)) consider(option, Math.abs(option.length - v.length));
  }
  if (best) return (best as { option: string }).option;
  for (const option of allowed) {
    const d = editDistance(v, option);
    if (d * 2 < Math.min([...v].length, [...option].length)) consider(option, d);
  }
  return best ? (best as { option: string }).option : null;
}

/** 按字（码点）计的编辑距离 */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length];
}

/** 错误提示的后半句：“，是不是“经济界”？”；猜不出时为空 */
export function suggestion(value: string, allowed: readonly string[]): string {
  const near = nearestAllowed(value, allowed);
  return near && near !== value.trim() ? `，是不是“${near}”？` : '';
}
