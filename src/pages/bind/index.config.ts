export default definePageConfig({
  navigationBarTitleText: '绑定网格',
})
