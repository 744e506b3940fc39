import { randomBytes, randomInt } from 'node:crypto';

/** 随机数适配器：邀请码、随机点名等都从这里取，测试可注入确定的序列。 */
export interface Random {
  /** [0, max) 的均匀整数 */
  int(max: number): number;
  bytes(n: number): Buffer;
}

export const cryptoRandom: Random = { int: (max) => randomInt(max), bytes: (n) => randomBytes(n) };
