// The weapp build's subscribe prompt (src/services/subscribe.weapp.ts) with the deliberation
// moments: the ids configured at build time, and an action that goes on whatever the answer.

import { ASKED, type SubscribeMoment } from '@/packages/deliberation/subscribe'

const built = globalThis as { HONGLIN_TEMPLATE_IDS?: Record<string, string> }
beforeEach(() => {
  built.HONGLIN_TEMPLATE_IDS = {}
})
afterAll(() => {
  delete built.HONGLIN_TEMPLATE_IDS
})

function load(answer: () => Promise<unknown>) {
  let askToSubscribe!: (moment: SubscribeMoment) => Promise<void>
  const prompt = jest.fn((_opts: { tmplIds: string[] }) => answer())
  jest.isolateModules(() => {
    const Taro = require('@tarojs/taro')
    Taro.requestSubscribeMessage = prompt
    const { subscriber } = require('@/services/subscribe.weapp')
    askToSubscribe = subscriber(ASKED)
  })
  return { askToSubscribe, prompt }
}

test('discussing asks for voting opened and the result; voting asks for the result', async () => {
  built.HONGLIN_TEMPLATE_IDS = { votingOpened: 'tpl-open', resultPublished: 'tpl-result' }
  const { askToSubscribe, prompt } = load(() => Promise.resolve({ errMsg: 'ok' }))
  await askToSubscribe('discussion')
  expect(prompt).toHaveBeenLastCalledWith({ tmplIds: ['tpl-open', 'tpl-result'] })
  await askToSubscribe('voting')
  expect(prompt).toHaveBeenLastCalledWith({ tmplIds: ['tpl-result'] })
})

test('a refusal does not stop the vote', async () => {
  built.HONGLIN_TEMPLATE_IDS = { resultPublished: 'tpl-result' }
  const declined = load(() => Promise.reject({ errMsg: 'requestSubscribeMessage:fail cancel' }))
  await expect(declined.askToSubscribe('voting')).resolves.toBeUndefined()
  expect(declined.prompt).toHaveBeenCalledTimes(1)
})
