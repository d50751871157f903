// The weapp build's subscribe prompt (src/services/subscribe.weapp.ts) with the volunteer
// moments: the ids configured at build time, keyed as the contract keys them.

import { ASKED, type SubscribeMoment } from '@/packages/volunteer/subscribe'

const built = globalThis as { HONGLIN_TEMPLATE_IDS?: Record<string, string> }
afterAll(() => {
  delete built.HONGLIN_TEMPLATE_IDS
})

function load() {
  let askToSubscribe!: (moment: SubscribeMoment) => Promise<void>
  const prompt = jest.fn((_opts: { tmplIds: string[] }) =>
    Promise.resolve({ errMsg: 'requestSubscribeMessage:ok' })
  )
  jest.isolateModules(() => {
    const Taro = require('@tarojs/taro')
    Taro.requestSubscribeMessage = prompt
    const { subscriber } = require('@/services/subscribe.weapp')
    askToSubscribe = subscriber(ASKED)
  })
  return { askToSubscribe, prompt }
}

test('applying asks for the review; signing up for a promotion and the hours credited', async () => {
  built.HONGLIN_TEMPLATE_IDS = {
    volunteerReviewed: 'tpl-reviewed',
    signupPromoted: 'tpl-promoted',
    hoursCredited: 'tpl-hours',
  }
  const { askToSubscribe, prompt } = load()
  await askToSubscribe('register')
  expect(prompt).toHaveBeenLastCalledWith({ tmplIds: ['tpl-reviewed'] })
  await askToSubscribe('signup')
  expect(prompt).toHaveBeenLastCalledWith({ tmplIds: ['tpl-promoted', 'tpl-hours'] })
})
