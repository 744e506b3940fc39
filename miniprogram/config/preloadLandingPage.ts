import type { Compilation, Compiler } from 'webpack'

/**
 * H5：把首页（app.config 的第一个页面）的代码块（连同它与别的页面共用的块）写进 index.html 的 <link rel="preload">。
 * Taro 的路由在入口脚本执行完后才 import() 页面，于是页面代码要等入口下载、执行完才开始下载；
 * 慢网上这一等就是几百毫秒（见 npm run bench 的 ui.h5_first_content_ms）。预加载让它与入口脚本同时下载，
 * 执行顺序不变（仍由路由 import）。首屏要执行的脚本还在第一行加上 V8 的编译提示（见 COMPILE_HINT）。
 * 只影响 H5；小程序的页面本来就在包里。
 */
/** 生产构建会把模块拼接（ConcatenatedModule）：页面文件可能是拼接模块的根或其中之一 */
interface Bundled {
  resource?: string
  rootModule?: Bundled
  modules?: Bundled[]
}
function containsPage(m: Bundled, page: string): boolean {
  return Boolean(m.resource?.includes(page) || (m.rootModule && containsPage(m.rootModule, page)) || m.modules?.some((x) => containsPage(x, page)))
}

/**
 * V8 的显式编译提示（Chrome 136 起）：文件第一行写这句，V8 在后台线程边下载边把文件里的函数全部编译好。
 * 不写时 webpack 的模块函数都是懒编译：第一次调用时在主线程上现编，首屏启动时要现编几百个（慢 CPU 上约两三百毫秒）。
 * 只给首屏一定会执行的文件（入口块与首页那一组块）加：别的页面块加了只会白编译。别的浏览器把它当普通注释。
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n'

export class PreloadLandingPage {
  constructor(private readonly pagePath: string) {}

  /** 首页的代码块连同它那一组里页面之间共用的块（见 config/index.ts 的 splitChunks）：路由 import() 时一起要 */
  private landingFiles(compilation: Compilation): Set<string> {
    const page = `/src/${this.pagePath}.`
    const files = new Set<string>()
    for (const chunk of compilation.chunks) {
      if (chunk.canBeInitial()) continue
      if (!compilation.chunkGraph.getChunkModules(chunk).some((m) => containsPage(m as Bundled, page))) continue
      for (const group of chunk.groupsIterable) {
        for (const sibling of group.chunks) if (!sibling.canBeInitial()) sibling.files.forEach((f) => files.add(f))
      }
    }
    return files
  }

  apply(compiler: Compiler) {
    // 用 Taro 构建所用的同一个 html-webpack-plugin（它的钩子按实例区分）
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- 要的是 Taro 的 runner 解析到的那一份，只能按路径 require
    const HtmlWebpackPlugin = require(require.resolve('html-webpack-plugin', { paths: [require.resolve('@tarojs/webpack5-runner')] }))
    const { Compilation: CompilationClass, sources, WebpackError } = compiler.webpack
    compiler.hooks.compilation.tap('PreloadLandingPage', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('PreloadLandingPage', (data: { headTags: unknown[] }) => {
        const files = this.landingFiles(compilation)
        if (files.size === 0) compilation.warnings.push(new WebpackError(`PreloadLandingPage：没有找到 ${this.pagePath} 所在的代码块`))
        const publicPath = String(compilation.outputOptions.publicPath ?? '/')
        for (const file of files) {
          const as = file.endsWith('.css') ? 'style' : file.endsWith('.js') ? 'script' : null
          if (as) data.headTags.push({ tagName: 'link', voidTag: true, attributes: { rel: 'preload', as, href: publicPath + file } })
        }
        return data
      })
    })
    // 压缩（OPTIMIZE_SIZE）之后再加编译提示，免得被当注释删掉
    compiler.hooks.thisCompilation.tap('PreloadLandingPage', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'PreloadLandingPage', stage: CompilationClass.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1 }, () => {
        const firstLoad = this.landingFiles(compilation)
        for (const chunk of compilation.chunks) if (chunk.canBeInitial()) chunk.files.forEach((f) => firstLoad.add(f))
        for (const file of firstLoad) {
          if (file.endsWith('.js')) compilation.updateAsset(file, (source) => new sources.ConcatSource(COMPILE_HINT, source))
        }
      })
    })
  }
}
