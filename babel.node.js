// Babel config for code that runs on Node (cloud functions, emulator, node-side tests) under jest.
module.exports = {
  presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'],
}
