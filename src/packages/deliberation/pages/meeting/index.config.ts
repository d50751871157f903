export default definePageConfig({
  navigationBarTitleText: '录入会议投票',
  enablePullDownRefresh: true,
})
