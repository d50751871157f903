export default definePageConfig({
  navigationBarTitleText: '预约代办',
})
