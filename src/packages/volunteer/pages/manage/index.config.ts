export default definePageConfig({
  navigationBarTitleText: '签到与出勤',
  enablePullDownRefresh: true,
})
