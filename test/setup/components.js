// Runs before each component test file: load the Taro H5 runtime, then hand React to Taro's
// hooks (Taro 4 reads React from there).

// Taro ships a few ESM-only files in nested `node_modules/.pnpm` folders that jest.config's
// transformIgnorePatterns does not let babel transform. Point them at CJS equivalents or stubs:
// the component wrappers' tslib, chooseLocation's style-inject, and the calendar API's ics→nanoid.
// (doMock: babel-jest would hoist jest.mock above the helpers it needs.)
const path = require('path')
const nested = (pkg, rel) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), rel)
jest.doMock(
  nested(
    '@tarojs/components',
    'lib/react/node_modules/.pnpm/@rollup_plugin-typescript@11.1.6_rollup@4.39.0_tslib@2.8.1_typescript@5.4.5/node_modules/tslib/tslib.es6.js'
  ),
  () => jest.requireActual('tslib')
)
jest.doMock('@tarojs/taro-h5/dist/api/location/style.scss.js', () => ({}))
jest.doMock('ics', () => ({}))

require('@tarojs/taro')
const React = require('react')
const ReactDOM = require('react-dom')

require('@tarojs/plugin-framework-react/dist/runtime').createH5NativeComponentConfig(
  null,
  React,
  ReactDOM
)

// Two React notices from inside NutUI's Dialog that say nothing about our code:
// react-transition-group still calls findDOMNode, and the overlay sets a `-webkitMask` style.
const NUTUI_NOISE = ['findDOMNode is deprecated', 'Unsupported style property %s']
const consoleError = console.error
console.error = (...args) => {
  if (typeof args[0] === 'string' && NUTUI_NOISE.some((n) => args[0].includes(n))) return
  consoleError(...args)
}
