import {
  call,
  clockAt,
  data,
  fetchUrl,
  GW,
  MatterFlow,
  pathOf,
  photo,
  R1,
  R2,
  sdkUpload,
  useEmulator,
} from './helpers'

// A reporter who deletes their account (user.deleteMe, then the `user` timer's erase job): the
// photos of their matters leave cloud storage and their details on the matters are anonymised;
// what others reported and seconded stays.

const emu = useEmulator()
const flow = () => new MatterFlow(emu())

beforeEach(async () => {
  await clockAt(emu(), '09:00')
})

describe('user deletion and matters', () => {
  it('the erase job deletes her matters’ photos from storage and anonymises her on them', async () => {
    const h5 = await photo(emu(), R1, 'mine-h5')
    const weapp = await sdkUpload(emu(), R1, 'mine-weapp.png')
    const open = await flow().reported(R1, { photos: [h5, weapp] })
    const third = await photo(emu(), R1, 'mine-closed')
    const done = await flow().closed(R1)
    const withPhoto = await flow().reported(R1, { photos: [third], content: '垃圾桶满了没人清理' })
    const theirs = await photo(emu(), R2, 'theirs')
    const neighbour = await flow().reported(R2, { photos: [theirs] })
    data(await call(emu(), 'matter', R1, 'second', { id: neighbour.id }))
    const urls = data(await flow().get(GW, open.id)).photos.map((p) => p.url!)

    data(await emu().call('user', R1, 'deleteMe', {}))
    const fired = await emu().fireTimer('user')
    expect(fired).toContainEqual({ name: 'erase', result: { ok: true, data: { erased: 1 } } })

    for (const p of [h5, weapp, third]) {
      expect([p, emu().emulator.storage.files.stat(pathOf(p))]).toEqual([p, undefined])
    }
    for (const url of urls) expect((await fetchUrl(url)).status).not.toBe(200)
    for (const id of [open.id, done.id, withPhoto.id]) {
      const m = data(await flow().get(GW, id))
      expect(m.reporter).toMatchObject({ room: null, phone: null })
      expect(m.reporter.name).not.toContain('张桂兰')
      expect(m.photos.every((p) => p.url === null)).toBe(true)
      expect(JSON.stringify(m)).not.toMatch(/张桂兰|13800000001|桂兰阿姨/)
    }
    const stored = JSON.stringify(await flow().raw())
    expect(stored).not.toMatch(/张桂兰|13800000001/)
    // Her neighbour's matter and photo stay.
    expect(emu().emulator.storage.files.stat(pathOf(theirs))).toBeDefined()
    const kept = data(await flow().get(GW, neighbour.id))
    expect((await fetchUrl(kept.photos[0].url!)).status).toBe(200)
    // The job is done once.
    expect(await emu().fireTimer('user')).toContainEqual({
      name: 'erase',
      result: { ok: true, data: { erased: 0 } },
    })
  })

  it('exportMyData lists her matters before deletion', async () => {
    const m = await flow().reported(R1)
    const exported = JSON.stringify(data(await emu().call('user', R1, 'exportMyData', {})))
    expect(exported).toContain(m.content)
  })
})
