export default defineAppConfig({
  pages: ['pages/index/index', 'pages/study/index', 'pages/suggest/index', 'pages/mine/index'],
  window: {
    navigationBarBackgroundColor: '#B71C1C',
    navigationBarTitleText: '同心圆',
    navigationBarTextStyle: 'white',
    backgroundColor: '#F5F5F5',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    // 文字与选中色对白底的对比度均 ≥ 4.5:1
    color: '#4A4A4A',
    selectedColor: '#B71C1C',
    backgroundColor: '#FFFFFF',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-active.png' },
      { pagePath: 'pages/study/index', text: '学习', iconPath: 'assets/tabbar/study.png', selectedIconPath: 'assets/tabbar/study-active.png' },
      { pagePath: 'pages/suggest/index', text: '建言', iconPath: 'assets/tabbar/suggest.png', selectedIconPath: 'assets/tabbar/suggest-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tabbar/mine.png', selectedIconPath: 'assets/tabbar/mine-active.png' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
})
