import { call } from '@/services/cloud'
import { setPersona } from '@/services/persona'

// The real H5 transport against a fake `fetch`: what the app shows when the network fails.

const realFetch = global.fetch

afterEach(() => {
  global.fetch = realFetch
  window.localStorage.clear()
})

function answer(body: () => Promise<unknown>) {
  const fetchMock = jest.fn(async (_url: string, _init?: RequestInit) => ({ json: body }))
  global.fetch = fetchMock as unknown as typeof fetch
  return fetchMock
}

test('a network failure becomes INTERNAL with a message the user can act on, never a throw', async () => {
  global.fetch = jest.fn(async () => {
    throw new TypeError('Failed to fetch')
  }) as unknown as typeof fetch

  await expect(call('user', 'me')).resolves.toEqual({
    ok: false,
    error: { code: 'INTERNAL', message: '网络不太好，请稍后再试' },
  })
})

test('an answer that is not JSON becomes INTERNAL', async () => {
  answer(async () => {
    throw new SyntaxError('Unexpected token <')
  })
  const result = await call('user', 'me')
  expect(result).toEqual({
    ok: false,
    error: { code: 'INTERNAL', message: '网络不太好，请稍后再试' },
  })
})

test('JSON that is not a Result becomes INTERNAL', async () => {
  answer(async () => ({ hello: 'world' }))
  const result = await call('user', 'me')
  expect(result.ok).toBe(false)
})

test('posts the request to /api/<function> as the current persona and passes the Result on', async () => {
  setPersona('demo-gridworker-1')
  const fetchMock = answer(async () => ({
    ok: false,
    error: { code: 'INVALID_INPUT', message: '请填写房号', field: 'room' },
  }))

  const result = await call(
    'user',
    'bindGrid',
    { gridId: 'g1', buildingId: 'g1-b1', room: '', name: '张桂兰' },
    { requestId: 'r-1' }
  )

  expect(result).toEqual({
    ok: false,
    error: { code: 'INVALID_INPUT', message: '请填写房号', field: 'room' },
  })
  const [url, init] = fetchMock.mock.calls[0]
  expect(url).toBe('/api/user')
  expect(init?.method).toBe('POST')
  expect((init?.headers as Record<string, string>)['X-Openid']).toBe('demo-gridworker-1')
  expect(JSON.parse(String(init?.body))).toEqual({
    action: 'bindGrid',
    input: { gridId: 'g1', buildingId: 'g1-b1', room: '', name: '张桂兰' },
    requestId: 'r-1',
  })
})
