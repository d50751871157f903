// Taro builds pick `download.weapp.ts` or `download.h5.ts`; TypeScript and jest resolve this file.
export { download } from './download.h5'
