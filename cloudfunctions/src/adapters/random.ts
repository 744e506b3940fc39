import { randomBytes, randomInt } from 'node:crypto';
import type { Random } from '../core/ports';

/** 随机数适配器：邀请码、随机点名等都从这里取，测试可注入确定的序列。 */
export const cryptoRandom: Random = { int: (max) => randomInt(max), bytes: (n) => randomBytes(n) };
