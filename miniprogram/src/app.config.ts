export default defineAppConfig({
  // pages/checkin：微信扫大屏上的小程序码直接进入（scene 即签到令牌），须在主包
  pages: ['pages/index/index', 'pages/study/index', 'pages/suggest/index', 'pages/mine/index', 'pages/checkin/index'],
  subPackages: [
    // 会议活动：详情与请假、组织者的活动管理、签到大屏、签到名单
    { root: 'events', pages: ['detail/index', 'manage/index', 'edit/index', 'screen/index', 'attendance/index', 'reminders/index'] },
    // 积分：我的积分、书记与办公室的积分管理
    { root: 'points', pages: ['mine/index', 'manage/index', 'appeals/index', 'rules/index', 'overview/index'] },
    // 建言：写草稿与联名、详情与办理经过、办公室的队列与统计、承办单位办理、投诉建议、打印版式
    { root: 'suggest', pages: ['edit/index', 'detail/index', 'office/index', 'unit/index', 'handle/index', 'feedback/index', 'print/index', 'public/index'] },
    // 学习：阅读、我的心得与收藏、学习测试、办公室的材料管理、布置与完成情况
    { root: 'study', pages: ['reader/index', 'mine/index', 'quiz/index', 'quiz-admin/index', 'manage/index', 'edit/index', 'assign/index', 'figures/index'] },
    // 绑定：未绑定的微信凭邀请码绑定委员信息
    { root: 'account', pages: ['bind/index', 'reminders/index'] },
    // 管理：成员名册、邀请码、导入、组织结构、审计日志（管理员；书记限本支部）
    {
      root: 'admin',
      pages: ['index/index', 'members/index', 'member/index', 'member-new/index', 'import/index', 'org/index', 'audit/index', 'reminders/index'],
    },
  ],
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
  // 个别活动要求在会场附近签到：只在签到那一刻取一次位置，只用来比较距离，不保存
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '确认您在会场附近以完成签到（位置不保存）' },
  },
})
