export default definePageConfig({
  navigationBarTitleText: '待认证居民',
  enablePullDownRefresh: true,
  onReachBottomDistance: 100,
})
