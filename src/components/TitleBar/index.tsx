// Taro builds pick `index.weapp.tsx` or `index.h5.tsx`; TypeScript and jest resolve this file.
export { TitleBar } from './index.h5'
