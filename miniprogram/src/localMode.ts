/**
 * 本地模式（构建常量）：H5 连本地宿主、可切换演示身份。
 * 只有 build:h5 会设置；小程序正式包里它恒为 false，身份切换条连同代码一起被删掉。
 */
export const LOCAL_MODE = process.env.TARO_ENV === 'h5' && process.env.TARO_APP_LOCAL_MODE === '1'
