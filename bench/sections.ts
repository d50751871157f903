// The bench's domains: one line each (a new domain adds bench/<domain>.ts and its line here).
import type { BenchSection } from './section'
import { userBench } from './user'
import { wishBench } from './wish'
import { errandBench } from './errand'
import { volunteerBench } from './volunteer'
import { matterBench } from './matter'
import { deliberationBench } from './deliberation'
import { committeeBench } from './committee'

export const sections: BenchSection[] = [
  userBench,
  wishBench,
  errandBench,
  volunteerBench,
  matterBench,
  deliberationBench,
  committeeBench,
]
