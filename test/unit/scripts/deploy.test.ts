import { loadManifest } from '../../../cloudfunctions/db/manifest'
import { dbPlan } from '../../../scripts/deploy'

describe('the database deploy plan', () => {
  const plan = dbPlan(loadManifest())

  it('denies every client read and write (all data goes through functions)', () => {
    expect(plan.length).toBeGreaterThan(3)
    for (const p of plan) expect(JSON.parse(p.securityRule)).toEqual({ read: false, write: false })
  })

  it('creates the declared indexes with their directions', () => {
    const users = plan.find((p) => p.collection === 'users')!
    const ix = users.createIndexes.find((i) => i.IndexName === 'gridId_bindStatus')!
    expect(ix.MgoKeySchema.MgoIndexKeys.map((k) => k.Name)).toEqual([
      'gridId',
      'bindStatus',
      'boundAt',
      '_id',
    ])
    const audit = plan.find((p) => p.collection === 'audit')!
    const byActor = audit.createIndexes.find((i) => i.IndexName === 'actorOpenid_at')!
    expect(byActor.MgoKeySchema.MgoIndexKeys[1]).toEqual({ Name: 'at', Direction: '-1' })
  })

  it('deploys a geo key as a 2dsphere index', () => {
    const [places] = dbPlan({
      collections: {
        places: {
          indexes: [{ name: 'location', fields: [{ name: 'location', direction: '2dsphere' }] }],
        },
      },
    })
    expect(places.createIndexes[0].MgoKeySchema.MgoIndexKeys).toEqual([
      { Name: 'location', Direction: '2dsphere' },
    ])
  })
})
