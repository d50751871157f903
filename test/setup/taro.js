// `@tarojs/taro` in component tests: the H5 API plus the React hooks (useDidShow,
// usePullDownRefresh…) that Taro's loader appends at build time.
const h5 = require('@tarojs/taro-h5')
const hooks = require('@tarojs/plugin-framework-react/dist/runtime')

module.exports = Object.assign(h5.default, h5, hooks)
