export default definePageConfig({
  navigationBarTitleText: '红色代办',
  enablePullDownRefresh: true,
  onReachBottomDistance: 100,
})
