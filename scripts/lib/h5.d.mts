/** H5 构建不存在或比源码旧时重新构建 */
export function ensureH5Build(): Promise<void>;
