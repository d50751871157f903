// The platform picks `transport.weapp.ts` or `transport.h5.ts` at build time (Taro resolves the
// suffix first). This file is what TypeScript and jest resolve: the H5 transport.
export { send } from './transport.h5'
