import { USER_TEMPLATES } from './user.rules'
import { WISH_TEMPLATES } from './wish.rules'
import { ERRAND_TEMPLATES } from './errand.rules'
import { VOLUNTEER_TEMPLATES } from './volunteer.rules'
import { MATTER_TEMPLATES } from './matter.rules'
import { DELIBERATION_TEMPLATES } from './deliberation.rules'

// The registry of subscribe-message templates: one line per domain. The functions send by these
// keys (HONGLIN_TPL_<suffix> names the id on the function); the app asks the user to allow them
// (TARO_APP_TPL_<suffix> at build time, see config/index.ts).
export const SUBSCRIBE_TEMPLATES = {
  ...USER_TEMPLATES,
  ...WISH_TEMPLATES,
  ...ERRAND_TEMPLATES,
  ...VOLUNTEER_TEMPLATES,
  ...MATTER_TEMPLATES,
  ...DELIBERATION_TEMPLATES,
} as const

export type TemplateKey = keyof typeof SUBSCRIBE_TEMPLATES
