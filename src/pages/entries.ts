import type { DomainEntry } from '@/components/DomainEntry/types'
import { userEntry } from '@/packages/user/entry'
import { wishEntry } from '@/packages/wish/entry'
import { errandEntry } from '@/packages/errand/entry'
import { volunteerEntry } from '@/packages/volunteer/entry'
import { matterEntry } from '@/packages/matter/entry'
import { deliberationEntry } from '@/packages/deliberation/entry'
import { committeeEntry } from '@/packages/committee/entry'

// What every domain shows on 首页, 网格 and 我的: one line per domain, in the order shown. A domain
// still to come is a tile without a url (即将上线) until its subpackage brings its entry.ts.

export const ENTRIES: readonly DomainEntry[] = [
  userEntry,
  wishEntry,
  errandEntry,
  matterEntry,
  volunteerEntry,
  deliberationEntry,
  committeeEntry,
]
