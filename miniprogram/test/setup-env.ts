// 以「H5 本地模式」运行页面测试：与 npm start 时浏览器里看到的一致
process.env.TARO_ENV = 'h5'
process.env.TARO_APP_LOCAL_MODE = '1'
