export default definePageConfig({
  navigationBarTitleText: '双报到台账',
  enablePullDownRefresh: true,
})
