import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import { PreloadLandingPage } from './preloadLandingPage'

/**
 * 构建时常量（均读取自构建进程的环境变量，未设置时为空串）：
 * - TARO_APP_LOCAL_MODE=1  本地模式：H5 走本地宿主并显示「演示身份」切换条（build:h5 脚本会设置）。
 * - TARO_APP_CLOUD_ENV     云开发环境 ID；为空时 weapp 使用 DYNAMIC_CURRENT_ENV（当前环境）。
 * 必须总是定义：小程序里没有 process 对象，未定义的 process.env.X 会在运行时报错。
 */
// 共享契约是工作区里的 TS 源码（node_modules 里是指向 shared-types/ 的软链），需要一起编译
const compile = { include: [path.resolve(__dirname, '../../shared-types/src')] }

const buildEnv = {
  TARO_APP_LOCAL_MODE: JSON.stringify(process.env.TARO_APP_LOCAL_MODE ?? ''),
  TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
}

export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV ?? 'weapp'
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'tongxinyuan',
    date: '2026-11-26',
    // 设计稿按 375 宽：样式里写的 18px 即手机上约 18 个 CSS 像素（weapp 转成 36rpx，H5 转成 rem）
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    plugins: [],
    env: buildEnv,
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    // 小程序的 base.wxml 里每种容器组件按嵌套层数各生成一份模板（默认 16 层，每层约 2.6 KB，都在主包）。改为 12 层省下约 10 KB；
    // 超过 12 层的节点由 Taro 的递归自定义组件（comp）接着渲染，照常显示，只是多一层组件。
    baseLevel: 12,
    mini: {
      compile,
      // 只被分包用到的模块（如组件库里的选择列表、确认框、分页）不进主包：只被一个分包用的进该分包的 sub-vendors，
      // 被几个分包共用的复制进各分包的 sub-common。Taro 4 默认已开，这里写明，免得被误关；主包的预算见 scripts/size.mjs。
      optimizeMainPackage: { enable: true },
      // 组件库的样式都是单个类名、互不覆盖，页面要改组件样式时用组合选择器；各页引入样式的先后不同不影响结果
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      compile,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      // 首页的代码块与入口脚本一起下载，不等入口执行完（见 preloadLandingPage.ts）
      webpackChain(chain) {
        chain.plugin('preloadLandingPage').use(PreloadLandingPage, ['pages/index/index'])
        // Taro 的 H5 只在入口块之间拆分（splitChunks.chunks = 'initial'）：页面块之间不共用，Taro 组件的 React 封装（约 50 KB）、
        // 组件库与 hooks 在四十多个页面块里各有一份，每打开一页都要再下载一遍。这里让页面块共用：几页都用的模块进共用块，
        // 小于 minSize 的不单拆（免得为几百字节多一次请求）
        const split = chain.optimization.get('splitChunks')
        chain.optimization.splitChunks({
          ...split,
          cacheGroups: {
            ...split.cacheGroups,
            pagesShared: { chunks: 'async', minChunks: 2, minSize: 20000, priority: 5, reuseExistingChunk: true },
          },
        })
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        // 根字号随屏宽缩放，但在 450px 以上封顶，桌面浏览器里字不会大得离谱
        pxtransform: { enable: true, config: { maxRootSize: 24 } },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
