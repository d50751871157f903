import {
  ERRAND_TYPE_HINTS,
  ERRAND_TYPE_LABELS,
  ERRAND_TYPES,
  ErrandTypesInput,
} from '@/contract/errand'
import { action } from '../lib/router'
import { ok } from '../lib/result'

/** The types a resident books, with labels and hints (without `help`). No database read. */
export const types = action(
  ErrandTypesInput,
  async () =>
    ok({
      types: ERRAND_TYPES.map((code) => ({
        code,
        label: ERRAND_TYPE_LABELS[code],
        hint: ERRAND_TYPE_HINTS[code],
      })),
    }),
  { gate: 'identity', read: true }
)
