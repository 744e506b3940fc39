import type { ContentCheck } from '../core/ports';

/**
 * 本地的内容检查：一小张词表（只为让拒绝的路径在本地、测试里走得到；真正的检查在微信那边）。
 * 比较前去掉空白，挡住“赌 博”这样的拆写。
 */
export const LOCAL_BLOCKED_WORDS: readonly string[] = ['赌博网站', '代开发票', '枪支出售', '违禁词测试'];

export const wordListCheck: ContentCheck = {
  async isAcceptable(text) {
    const flat = text.replace(/\s+/g, '');
    return !LOCAL_BLOCKED_WORDS.some((w) => flat.includes(w));
  },
};

interface MsgSecCheckResult {
  errCode?: number;
  result?: { suggest?: 'pass' | 'review' | 'risky' };
}

/**
 * 微信内容安全（security.msgSecCheck 第 2 版）：scene 1 = 资料、2 = 评论、3 = 论坛、4 = 社交日志；建言按“论坛”。
 * 只有 risky 拒绝；review（疑似）放行，交给办公室审查——政协委员的建言本就经人工审查，不因机器的疑似挡住。
 * 接口本身失败（超时、配额）时放行并由调用方照常保存：检查是辅助，不该让委员交不了提案。
 */
export function weixinContentCheck(
  cloud: { openapi: { security: { msgSecCheck(o: object): Promise<MsgSecCheckResult> } } },
  log: (e: unknown) => void,
): ContentCheck {
  return {
    async isAcceptable(text, openid) {
      try {
        const res = await cloud.openapi.security.msgSecCheck({ openid, scene: 3, version: 2, content: text.slice(0, 2500) });
        return res.result?.suggest !== 'risky';
      } catch (err) {
        log(err);
        return true;
      }
    },
  };
}
