/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    /** 构建模式，影响产物是否压缩 */
    NODE_ENV: 'development' | 'production' | 'test'
    /** 当前构建的平台 */
    TARO_ENV: 'weapp' | 'h5'
    /** '1' 表示本地模式：H5 连接本地宿主，可切换演示身份（只在 build:h5 中设置） */
    TARO_APP_LOCAL_MODE: string
    /** 云开发环境 ID；为空时使用当前环境 */
    TARO_APP_CLOUD_ENV: string
    /** 小程序 appid（Taro 生成 dist 内 project.config.json 时读取） */
    TARO_APP_ID?: string
  }
}
