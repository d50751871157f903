import path from 'path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import { register } from 'tsx/cjs/api'
import type * as Templates from '../src/contract/templates'

// Taro's config loader compiles only this folder: the contract's TypeScript goes through tsx.
const unregister = register()
const { SUBSCRIBE_TEMPLATES } = require('../src/contract/templates') as typeof Templates
unregister()

// Taro build config for the weapp and its H5 build (see docs/architecture.md §12).
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'honglin',
    date: '2025-1-1',
    // NutUI is drawn at 375 px, our styles at 750 px.
    designWidth(input) {
      const file = typeof input === 'object' && input ? String(input.file ?? '') : ''
      return file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: ['@tarojs/plugin-html'],
    // `.env` files may override these (Taro reads TARO_APP_* from them); the shell wins at deploy.
    env: { TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? '') },
    // Subscribe-message template ids, keyed by the contract's template keys (one list for the
    // functions and the app): TARO_APP_TPL_<suffix> from the shell at build time.
    defineConstants: {
      HONGLIN_TEMPLATE_IDS: JSON.stringify(
        Object.fromEntries(
          Object.entries(SUBSCRIBE_TEMPLATES).map(([key, suffix]) => [
            key,
            process.env[`TARO_APP_TPL_${suffix}`] ?? '',
          ])
        )
      ),
    },
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: true },
    mini: {
      // NutUI's per-component CSS is imported in different orders by different pages.
      miniCssExtractPluginOption: { ignoreOrder: true },
      // The dashboard's chart library (F2, in the committee subpackage only) gets a tslib of its
      // own: sharing Taro's would put every tslib helper in the main package.
      webpackChain(chain) {
        chain.module
          .rule('antv-tslib')
          .test(/[\\/]node_modules[\\/]@antv[\\/]/)
          .resolve.alias.set('tslib', path.resolve(__dirname, '../node_modules/tslib/tslib.es6.js'))
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // The H5 build is the local/demo mode served from 127.0.0.1: webpack's web-performance
      // size hint does not apply (the weapp budget is what we watch).
      webpackChain(chain) {
        chain.performance.hints(false)
      },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
