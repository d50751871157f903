export default definePageConfig({
  navigationBarTitleText: '红邻',
  enablePullDownRefresh: true,
})
