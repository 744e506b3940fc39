import type { CodeRenderer } from '../core/ports';

/**
 * 本地画普通二维码（CloudBase 上画小程序码，见 cloudbase.ts）。SVG：约 2 KB，生成不到 2 毫秒（PNG 要慢几十倍），投影放大也不糊。
 * qrcode 只在第一次画码时加载：云函数的包里即使带着它，冷启动也不为它付钱。
 */
export const qrRenderer: CodeRenderer = {
  async render(token) {
    const QRCode = await import('qrcode');
    const svg = await QRCode.toString(token, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  },
};
