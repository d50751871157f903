export default definePageConfig({
  navigationBarTitleText: '志愿光荣榜',
  enablePullDownRefresh: true,
  onReachBottomDistance: 100,
})
