// Taro builds pick `Surface.weapp.tsx` or `Surface.h5.tsx`; TypeScript and jest resolve this file.
export { Surface } from './Surface.h5'
