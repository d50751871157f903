import type { TemplateKey } from '@/contract/templates'

// Taro builds pick `subscribe.weapp.ts` for WeChat. H5 (local mode) and jest resolve this file:
// there are no subscribe messages outside WeChat.

export function subscriber<M extends string>(_asked: Record<M, readonly TemplateKey[]>) {
  return async function askToSubscribe(_moment: M): Promise<void> {}
}
