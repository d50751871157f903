export default definePageConfig({
  navigationBarTitleText: '居民议事',
  enablePullDownRefresh: true,
  onReachBottomDistance: 100,
})
