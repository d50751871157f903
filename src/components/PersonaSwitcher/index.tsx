// Taro builds pick `index.weapp.tsx` or `index.h5.tsx`; TypeScript and jest resolve this file.
export { PersonaSwitcher } from './index.h5'
