export default definePageConfig({
  navigationBarTitleText: '心愿详情',
  enablePullDownRefresh: true,
})
