// CloudBase 云函数 event 的入口
import { cloudbaseEntry } from '../../adapters/cloudbase';
import { eventFunction } from '.';

// 签到码用 CHECKIN_SECRET 签名：没设或太短时每次调用都回答 CONFIG.MISSING，日志写明缺哪一项
export const main = cloudbaseEntry(eventFunction, { checkinSecret: true });
