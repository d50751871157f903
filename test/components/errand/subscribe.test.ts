// The weapp build's subscribe prompt (src/services/subscribe.weapp.ts) with the errand moments:
// the ids configured at build time (keyed as the contract keys them), and an action that goes on
// whatever the answer.

import { ASKED, type SubscribeMoment } from '@/packages/errand/subscribe'

const built = globalThis as { HONGLIN_TEMPLATE_IDS?: Record<string, string> }
beforeEach(() => {
  built.HONGLIN_TEMPLATE_IDS = {}
})
afterAll(() => {
  delete built.HONGLIN_TEMPLATE_IDS
})

/** Loads the module afresh (the ids are read once, at load) with WeChat's prompt faked. */
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

const accept = () => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok' })

test('booking asks for accepted, completed and expired; unconfigured ones are left out', async () => {
  built.HONGLIN_TEMPLATE_IDS = {
    errandAccepted: 'tpl-accepted',
    errandCompleted: 'tpl-completed',
    errandExpired: 'tpl-expired',
    errandPool: 'tpl-pool',
  }
  const { askToSubscribe, prompt } = load(accept)
  await askToSubscribe('book')
  expect(prompt).toHaveBeenCalledWith({
    tmplIds: ['tpl-accepted', 'tpl-completed', 'tpl-expired'],
  })
})

test('help asks for accepted and completed; accepting asks for the pool', async () => {
  built.HONGLIN_TEMPLATE_IDS = {
    errandAccepted: 'tpl-accepted',
    errandCompleted: 'tpl-completed',
    errandPool: 'tpl-pool',
  }
  const { askToSubscribe, prompt } = load(accept)
  await askToSubscribe('help')
  expect(prompt).toHaveBeenLastCalledWith({ tmplIds: ['tpl-accepted', 'tpl-completed'] })
  await askToSubscribe('accept')
  expect(prompt).toHaveBeenLastCalledWith({ tmplIds: ['tpl-pool'] })
})

test('nothing is asked while no template id is configured, and a refusal does not stop the action', async () => {
  const none = load(accept)
  await none.askToSubscribe('book')
  expect(none.prompt).not.toHaveBeenCalled()

  built.HONGLIN_TEMPLATE_IDS = { errandPool: 'tpl-pool' }
  const declined = load(() => Promise.reject({ errMsg: 'requestSubscribeMessage:fail cancel' }))
  await expect(declined.askToSubscribe('accept')).resolves.toBeUndefined()
  expect(declined.prompt).toHaveBeenCalledTimes(1)
})
