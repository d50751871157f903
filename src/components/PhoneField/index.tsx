// Taro builds pick `index.weapp.tsx` or `index.h5.tsx`; TypeScript and jest resolve this file.
export { PhoneField } from './index.h5'
export type { PhoneValue, PhoneFieldProps } from './types'
