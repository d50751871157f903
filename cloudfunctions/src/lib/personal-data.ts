import { WISH_PERSONAL_DATA } from '../wish/store'

// The registry of where each domain stores personal data about a user, for `user.exportMyData`
// (everything stored about the caller) and `user.deleteMe` (removed or anonymised): one line per
// domain, each declared beside its collection in the domain's store.

export interface PersonalDataEntry {
  collection: string
  /** Field holding the user's OPENID. */
  ownerField: string
  /** Fields overwritten when the user deletes their account (the record itself stays for others). */
  anonymize: Record<string, unknown>
}

export const PERSONAL_DATA: PersonalDataEntry[] = [...WISH_PERSONAL_DATA]
