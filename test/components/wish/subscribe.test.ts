// The weapp build's subscribe prompt (src/services/subscribe.weapp.ts) with the wish moments: the
// ids configured at build time (keyed as the contract keys them), and an action that goes on
// whatever the user answers.

import { ASKED, type SubscribeMoment } from '@/packages/wish/subscribe'

// What config/index.ts defines at build time from TARO_APP_TPL_<suffix>.
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

test('posting asks for the configured templates only; placeholders are left out', async () => {
  built.HONGLIN_TEMPLATE_IDS = { wishReviewed: 'tpl-reviewed', wishClaimed: 'tpl-claimed' }
  const { askToSubscribe, prompt } = load(accept)
  await askToSubscribe('create')
  expect(prompt).toHaveBeenCalledWith({ tmplIds: ['tpl-reviewed', 'tpl-claimed'] })
})

test('claiming asks for the thanks message', async () => {
  built.HONGLIN_TEMPLATE_IDS = { wishThanked: 'tpl-thanked' }
  const { askToSubscribe, prompt } = load(accept)
  await askToSubscribe('claim')
  expect(prompt).toHaveBeenCalledWith({ tmplIds: ['tpl-thanked'] })
})

test('nothing is asked while no template id is configured', async () => {
  const { askToSubscribe, prompt } = load(accept)
  await askToSubscribe('create')
  await askToSubscribe('claim')
  await askToSubscribe('confirm')
  expect(prompt).not.toHaveBeenCalled()
})

test('a user who declines still gets the action', async () => {
  built.HONGLIN_TEMPLATE_IDS = { wishThanked: 'tpl-thanked' }
  const { askToSubscribe, prompt } = load(() =>
    Promise.reject({ errMsg: 'requestSubscribeMessage:fail cancel' })
  )
  await expect(askToSubscribe('claim')).resolves.toBeUndefined()
  expect(prompt).toHaveBeenCalledTimes(1)
})
