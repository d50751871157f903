import { addMonths, EXPORT_KINDS } from '@/contract/committee'
import { PERSONAS as P, runTimer, useEmulator } from '../helpers'
import { fuzzEveryAction, type ActionFuzz, type Rng } from './fuzz'

// Every action of `committee`, a few hundred generated inputs each, as every persona (see
// fuzz.ts), on the demo data with its stats computed by the timer: months and days around the
// limits of the ranges, every ledger, an admin naming a community.

const emu = useEmulator()

const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)
const day = (ago: number) =>
  new Date(Date.now() + 8 * 3600_000 - ago * 86_400_000).toISOString().slice(0, 10)
const month = (r: Rng) => addMonths(thisMonth(), -r.pick([0, 1, 2, 11, 12, 23, 24, 30]))

const VALID: Record<string, ActionFuzz> = {
  moderationQueue: [() => ({}), [P.gridWorker, P.committee, P.admin]],
  dashboard: [
    (r) => ({
      ...(r.chance(0.6) ? { from: month(r) } : {}),
      ...(r.chance(0.6) ? { to: month(r) } : {}),
      ...(r.chance(0.2) ? { communityId: r.pick(['c1', 'c2', 'c9']) } : {}),
    }),
    [P.gridWorker, P.committee, P.admin],
  ],
  export: [
    (r) => {
      const [a, b] = [r.pick([0, 1, 30, 200, 365]), r.pick([0, 1, 30])]
      return {
        kind: r.pick(EXPORT_KINDS),
        from: day(Math.max(a, b)),
        to: day(Math.min(a, b)),
        ...(r.chance(0.2) ? { communityId: r.pick(['c1', 'c2']) } : {}),
      }
    },
    [P.committee, P.admin],
  ],
}

describe('fuzz: committee', () => {
  beforeEach(async () => {
    await runTimer(emu(), 'committee')
  })

  fuzzEveryAction(emu, 'committee', VALID, 190)
})
