import type { Actor } from './actor'
import type { Doc } from './cloud'
import { WISH_PERSONAL_DATA } from '../wish/store'
import { ERRAND_PERSONAL_DATA } from '../errand/store'
import { VOLUNTEER_PERSONAL_DATA } from '../volunteer/store'
import { DELIBERATION_PERSONAL_DATA } from '../deliberation/store'

// The registry of where each domain stores personal data about a user, for `user.exportMyData`
// (everything stored about the caller) and `user.deleteMe` (removed or anonymised): one line per
// domain, each declared beside its collection in the domain's store.

export interface PersonalDataEntry {
  collection: string
  /** Field holding the user's OPENID. */
  ownerField: string
  /**
   * Fields overwritten when the user deletes their account (the record itself stays for others),
   * by the `erase` timer, on the records whose `createdAt` is not after the deletion.
   */
  anonymize: Record<string, unknown>
  /**
   * The record as its owner's export holds it: their own data in full, anyone else's masked as
   * the owner's own views show it (a person's export holds their data, not the other party's).
   */
  exported: (owner: Actor, doc: Doc) => Record<string, unknown>
  /** The export's readable section: its title, and one Chinese line per record. */
  summary: { title: string; line: (owner: Actor, doc: Doc) => string }
}

export const PERSONAL_DATA: PersonalDataEntry[] = [
  ...WISH_PERSONAL_DATA,
  ...ERRAND_PERSONAL_DATA,
  ...VOLUNTEER_PERSONAL_DATA,
  ...DELIBERATION_PERSONAL_DATA,
]
