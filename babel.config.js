// Taro's preset for the mini-program and its H5 build; NutUI components are imported on demand
// (the whole library would add ~280 KB of CSS to the main package).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        libraryDirectory: 'dist/es/packages',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        style: (p) => `${p}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
}
