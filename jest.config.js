// Four projects: pure unit tests, cloud tests (real wx-server-sdk against the emulator, also the
// emulator's own conformance tests), component tests (Taro H5 components in jsdom), and end-to-end
// tests in Chromium on the H5 build.
const nodeTransform = { '\\.[cm]?[jt]sx?$': ['babel-jest', { configFile: './babel.node.js' }] }

const taroEsm = [
  '@tarojs',
  '@nutui',
  '@stencil',
  'lodash-es',
  'query-string',
  'decode-uri-component',
  'filter-obj',
  'split-on-first',
  'swiper',
  'ssr-window',
  'dom7',
]

const fs = require('fs')
const path = require('path')

// A project whose folders do not exist yet simply has no tests (jest rejects missing roots).
const existing = (roots) =>
  roots.filter((r) => fs.existsSync(path.join(__dirname, r.replace('<rootDir>/', ''))))

const node = (displayName, roots, extra = {}) => ({
  displayName,
  testEnvironment: 'node',
  roots: existing(roots),
  transform: nodeTransform,
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
  testMatch: ['**/*.test.ts'],
  ...extra,
})

module.exports = {
  testTimeout: 30000,
  projects: [
    node('unit', ['<rootDir>/test/unit']),
    node('cloud', ['<rootDir>/test/cloud', '<rootDir>/test/emulator']),
    {
      displayName: 'components',
      testEnvironment: 'jsdom',
      roots: existing(['<rootDir>/test/components']),
      testMatch: ['**/*.test.tsx', '**/*.test.ts'],
      transform: { '\\.m?[jt]sx?$': 'babel-jest' },
      transformIgnorePatterns: [`/node_modules/(?!(${taroEsm.join('|')})/)`],
      moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'json'],
      moduleNameMapper: {
        '^@tarojs/taro$': '<rootDir>/test/setup/taro.js',
        '^@tarojs/components$': '@tarojs/components/lib/react',
        '^@/(.*)$': '<rootDir>/src/$1',
        '\\.(css|scss|sass|less)$': '<rootDir>/test/setup/style-stub.js',
      },
      setupFiles: ['<rootDir>/test/setup/components.js'],
      setupFilesAfterEnv: ['@testing-library/jest-dom'],
      globals: {
        ENABLE_INNER_HTML: true,
        ENABLE_ADJACENT_HTML: true,
        ENABLE_SIZE_APIS: true,
        ENABLE_TEMPLATE_CONTENT: true,
        ENABLE_MUTATION_OBSERVER: true,
        ENABLE_CLONE_NODE: true,
        ENABLE_CONTAINS: true,
        DEPRECATED_ADAPTER_COMPONENT: false,
        __TARO_FRAMEWORK__: 'react',
      },
    },
    // WeChat's own compilers (wcc/wcsc) and miniprogram-ci on the weapp build.
    require('./test/weapp/jest.project.js'),
    node('e2e', ['<rootDir>/test/e2e'], { testTimeout: 120000 }),
  ],
}
