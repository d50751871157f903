// Main package: the three tabs and the binding flow. Each domain lives in its own subpackage with
// its staff pages beside its resident pages: one `{ root: 'packages/<domain>', pages }` line each.
const subPackages = [
  {
    root: 'packages/user',
    pages: [
      'pages/verify/index',
      'pages/residents/index',
      'pages/privacy/index',
      'pages/grid-code/index',
    ],
  },
  {
    root: 'packages/wish',
    pages: [
      'pages/list/index',
      'pages/detail/index',
      'pages/create/index',
      'pages/review/index',
      'pages/wall/index',
    ],
  },
  {
    root: 'packages/errand',
    pages: ['pages/list/index', 'pages/detail/index', 'pages/book/index'],
  },
  {
    root: 'packages/volunteer',
    pages: [
      'pages/list/index',
      'pages/detail/index',
      'pages/apply/index',
      'pages/checkin/index',
      'pages/manage/index',
      'pages/record/index',
      'pages/review/index',
      'pages/publish/index',
      'pages/honor/index',
      'pages/proof/index',
      'pages/settings/index',
      'pages/report/index',
    ],
  },
  {
    root: 'packages/matter',
    pages: ['pages/list/index', 'pages/detail/index', 'pages/report/index'],
  },
  {
    root: 'packages/deliberation',
    pages: [
      'pages/list/index',
      'pages/detail/index',
      'pages/result/index',
      'pages/create/index',
      'pages/meeting/index',
    ],
  },
  {
    root: 'packages/committee',
    pages: ['pages/dashboard/index', 'pages/export/index'],
  },
]

export default defineAppConfig({
  pages: ['pages/home/index', 'pages/grid/index', 'pages/mine/index', 'pages/bind/index'],
  subPackages,
  window: {
    navigationBarTitleText: '红邻',
    navigationBarBackgroundColor: '#c8102e',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#555555',
    selectedColor: '#c8102e',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/grid/index',
        text: '网格',
        iconPath: 'assets/tabbar/grid.png',
        selectedIconPath: 'assets/tabbar/grid-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
  // Staff open the verification queue and the roster from 我的: fetch them in the background
  // there. 微心愿 is one tap away on 首页 and 网格.
  preloadRule: {
    'pages/mine/index': { network: 'all', packages: ['packages/user'] },
    'pages/home/index': { network: 'all', packages: ['packages/wish', 'packages/errand'] },
  },
  lazyCodeLoading: 'requiredComponents',
})
