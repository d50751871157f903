export default definePageConfig({
  navigationBarTitleText: '居民说事',
  enablePullDownRefresh: true,
  onReachBottomDistance: 100,
})
