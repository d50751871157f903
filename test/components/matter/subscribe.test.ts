// The weapp build's subscribe prompt (src/services/subscribe.weapp.ts) with the matter moments.

import { ASKED, type SubscribeMoment } from '@/packages/matter/subscribe'

const built = globalThis as { HONGLIN_TEMPLATE_IDS?: Record<string, string> }
afterAll(() => {
  delete built.HONGLIN_TEMPLATE_IDS
})

function load() {
  let askToSubscribe!: (moment: SubscribeMoment) => Promise<void>
  const prompt = jest.fn((_opts: { tmplIds: string[] }) => Promise.resolve({ errMsg: 'ok' }))
  jest.isolateModules(() => {
    const Taro = require('@tarojs/taro')
    Taro.requestSubscribeMessage = prompt
    const { subscriber } = require('@/services/subscribe.weapp')
    askToSubscribe = subscriber(ASKED)
  })
  return { askToSubscribe, prompt }
}

test('reporting asks for accepted, replied and resolved; staff ask for new and escalated matters', async () => {
  built.HONGLIN_TEMPLATE_IDS = {
    matterAccepted: 'tpl-accepted',
    matterReplied: 'tpl-replied',
    matterResolved: 'tpl-resolved',
    matterAlert: 'tpl-alert',
  }
  const { askToSubscribe, prompt } = load()
  await askToSubscribe('report')
  expect(prompt).toHaveBeenLastCalledWith({
    tmplIds: ['tpl-accepted', 'tpl-replied', 'tpl-resolved'],
  })
  await askToSubscribe('accept')
  expect(prompt).toHaveBeenLastCalledWith({ tmplIds: ['tpl-alert'] })
  await askToSubscribe('escalate')
  expect(prompt).toHaveBeenLastCalledWith({ tmplIds: ['tpl-alert'] })
})
