// Runs before each component test file: load the Taro H5 runtime, then hand React to Taro's
// hooks (Taro 4 reads React from there).
require('@tarojs/taro')
const React = require('react')
const ReactDOM = require('react-dom')

require('@tarojs/plugin-framework-react/dist/runtime').createH5NativeComponentConfig(
  null,
  React,
  ReactDOM
)
