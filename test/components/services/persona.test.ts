// Local mode: `/?as=<openid>` picks the demo user and is remembered (docs/contract.md §5.5).

type PersonaModule = typeof import('@/services/persona')

function freshPersona(): PersonaModule {
  let mod!: PersonaModule
  jest.isolateModules(() => {
    mod = require('@/services/persona') as PersonaModule
  })
  return mod
}

afterEach(() => {
  window.localStorage.clear()
  window.history.replaceState(null, '', '/')
})

test('?as= picks the persona and stores it in localStorage', () => {
  window.history.replaceState(null, '', '/?as=demo-gridworker-1#/pages/home/index')
  const persona = freshPersona()

  expect(persona.currentPersona()).toBe('demo-gridworker-1')
  expect(window.localStorage.getItem('honglin.openid')).toBe('demo-gridworker-1')
})

test('the stored persona is used when the link has no ?as=', () => {
  window.localStorage.setItem('honglin.openid', 'demo-committee-1')
  expect(freshPersona().currentPersona()).toBe('demo-committee-1')
})

test('without any choice the app acts as demo-resident-1', () => {
  expect(freshPersona().currentPersona()).toBe('demo-resident-1')
})

test('the personas come from GET /api/_personas', async () => {
  const realFetch = global.fetch
  const data = [{ openid: 'demo-newcomer', label: '新邻居 · 未绑定网格' }]
  global.fetch = jest.fn(async () => ({ json: async () => ({ ok: true, data }) })) as never
  try {
    await expect(freshPersona().listPersonas()).resolves.toEqual({ ok: true, data })
    expect(global.fetch).toHaveBeenCalledWith('/api/_personas')
  } finally {
    global.fetch = realFetch
  }
})
