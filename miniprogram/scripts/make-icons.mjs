// 生成 tabBar 图标（81×81 PNG，未选中灰、选中深红）。运行：npm run icons -w miniprogram
import { writeFileSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PNG } from 'pngjs'

const SIZE = 81
const OUT = join(dirname(fileURLToPath(import.meta.url)), '../src/assets/tabbar')
const COLORS = { '': [0x4a, 0x4a, 0x4a], '-active': [0xb7, 0x1c, 0x1c] }

// 以 0..1 坐标描述形状：inside(x, y) 为真即着色
const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const inTriangle = (x, y, [ax, ay], [bx, by], [cx, cy]) => {
  const s = (px, py, qx, qy, rx, ry) => (px - rx) * (qy - ry) - (qx - rx) * (py - ry)
  const d1 = s(x, y, ax, ay, bx, by),
    d2 = s(x, y, bx, by, cx, cy),
    d3 = s(x, y, cx, cy, ax, ay)
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0))
}

const SHAPES = {
  // 房子：屋顶 + 墙体，中间留门
  home: (x, y) => (inTriangle(x, y, [0.5, 0.1], [0.08, 0.48], [0.92, 0.48]) || inRect(x, y, 0.2, 0.45, 0.8, 0.9)) && !inRect(x, y, 0.42, 0.62, 0.58, 0.9),
  // 打开的书：左右两页，中缝留白
  study: (x, y) =>
    (inRect(x, y, 0.08, 0.2, 0.47, 0.82) || inRect(x, y, 0.53, 0.2, 0.92, 0.82)) &&
    !inRect(x, y, 0.15, 0.3, 0.4, 0.33) &&
    !inRect(x, y, 0.6, 0.3, 0.85, 0.33) &&
    !inRect(x, y, 0.15, 0.42, 0.4, 0.45) &&
    !inRect(x, y, 0.6, 0.42, 0.85, 0.45),
  // 对话气泡：圆角框 + 小尾巴，框内三个点
  suggest: (x, y) =>
    (inRect(x, y, 0.1, 0.15, 0.9, 0.68) || inTriangle(x, y, [0.25, 0.6], [0.45, 0.6], [0.22, 0.88])) &&
    !inCircle(x, y, 0.3, 0.42, 0.06) &&
    !inCircle(x, y, 0.5, 0.42, 0.06) &&
    !inCircle(x, y, 0.7, 0.42, 0.06),
  // 人像：头 + 肩
  mine: (x, y) => inCircle(x, y, 0.5, 0.3, 0.18) || (y >= 0.58 && y <= 0.9 && inCircle(x, y, 0.5, 0.95, 0.4)),
}

mkdirSync(OUT, { recursive: true })
const SS = 4 // 每像素 4×4 采样，边缘抗锯齿
for (const [name, inside] of Object.entries(SHAPES)) {
  for (const [suffix, [r, g, b]] of Object.entries(COLORS)) {
    const png = new PNG({ width: SIZE, height: SIZE })
    for (let py = 0; py < SIZE; py++) {
      for (let px = 0; px < SIZE; px++) {
        let hits = 0
        for (let sy = 0; sy < SS; sy++) for (let sx = 0; sx < SS; sx++) if (inside((px + (sx + 0.5) / SS) / SIZE, (py + (sy + 0.5) / SS) / SIZE)) hits++
        const i = (py * SIZE + px) * 4
        png.data[i] = r
        png.data[i + 1] = g
        png.data[i + 2] = b
        png.data[i + 3] = Math.round((255 * hits) / (SS * SS))
      }
    }
    writeFileSync(join(OUT, `${name}${suffix}.png`), PNG.sync.write(png))
  }
}
console.log(`图标已生成：${OUT}`)
