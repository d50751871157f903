export default definePageConfig({
  navigationBarTitleText: '居民与角色',
  enablePullDownRefresh: true,
  onReachBottomDistance: 100,
})
