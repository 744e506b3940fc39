import type { UserConfigExport } from '@tarojs/cli'

// dev:h5 的开发服务器把 /api 转给本地宿主（npm start，默认 8686 端口）
const hostPort = process.env.PORT ?? '8686'

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    devServer: {
      proxy: { '/api': { target: `http://localhost:${hostPort}`, changeOrigin: true } },
    },
  },
} satisfies UserConfigExport<'webpack5'>
