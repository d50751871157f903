// Where each domain stores personal data about a user, for `user.exportMyData` (everything
// stored about the caller) and `user.deleteMe` (removed or anonymised). A domain that stores
// a user's data adds its entries here.

export interface PersonalDataEntry {
  collection: string
  /** Field holding the user's OPENID. */
  ownerField: string
  /** Fields overwritten when the user deletes their account (the record itself stays for others). */
  anonymize: Record<string, unknown>
}

export const PERSONAL_DATA: PersonalDataEntry[] = [
  {
    collection: 'wishes',
    ownerField: 'authorOpenid',
    anonymize: {
      authorName: '已注销用户',
      authorPhone: '',
      authorRoom: '',
      authorBuildingName: '',
      authorNickname: '已注销用户',
    },
  },
  {
    collection: 'wishes',
    ownerField: 'claimerOpenid',
    anonymize: { claimerName: '已注销用户', claimerPhone: '', claimerNickname: '已注销用户' },
  },
]
