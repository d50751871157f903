import type { SubscribeMoment } from './subscribe-templates'

// Taro builds pick `subscribe.weapp.ts` for WeChat. H5 (local mode) and jest resolve this file:
// there are no subscribe messages outside WeChat.

export type { SubscribeMoment }

export async function askToSubscribe(_moment: SubscribeMoment): Promise<void> {}
