export default definePageConfig({
  navigationBarTitleText: '待审核心愿',
  enablePullDownRefresh: true,
  onReachBottomDistance: 100,
})
