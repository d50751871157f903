export default definePageConfig({
  navigationBarTitleText: '我的服务记录',
  enablePullDownRefresh: true,
  onReachBottomDistance: 100,
})
