// CloudBase 云函数 suggestions 的入口（esbuild 打包为 dist/suggestions/index.js）
import { cloudbaseEntry } from '../../adapters/cloudbase';
import { suggestionsFunction } from '.';

// 匿名投诉建议的发件人标记由 CHECKIN_SECRET 派生（与 event 函数设同一个值）：没设或太短时回答 CONFIG.MISSING
export const main = cloudbaseEntry(suggestionsFunction, { checkinSecret: true });
