import { useState } from 'react'
import type { ApiError } from '@/contract/errors'
import {
  checkForm,
  textLength,
  type CrossRule,
  type Errors,
  type FieldRule,
} from '@/contract/rules'

export interface FormSpec<F extends string> {
  /** The domain's rules (src/contract/<domain>.rules.ts), for the fields this form has now. */
  rules: Partial<Record<F, FieldRule>>
  cross?: readonly CrossRule<F>[]
  /** Where a server message about `field` shows; null: above the submit button. */
  fieldOf?: (serverField: string) => F | null
}

type Key<V> = keyof V & string

export interface Form<V extends Record<string, unknown>, F extends Key<V> = Key<V>> {
  values: V
  /** Changes values; the server's word on those fields and the form-level message clear. */
  set: (patch: Partial<V>) => void
  /** The field was left: its message shows from now on. */
  touch: (field: F) => void
  /** What to show at a field: the server's message, else the rule's once touched or submitted. */
  messageOf: (field: F) => string | undefined
  /** The server's message that belongs to no field. */
  formError: string | null
  /** A submit attempt: every message shows; true when the rules pass. */
  attempt: () => boolean
  /** Shows a refusal next to its field (or above the button). */
  refuse: (error: ApiError) => void
}

/** Form state checked live against the same rule data the server's schemas are built from. */
export function useForm<V extends Record<string, unknown>>(
  initial: V | (() => V),
  spec: FormSpec<Key<V>>
): Form<V> {
  type F = Key<V>
  const [values, setValues] = useState<V>(initial)
  const [touched, setTouched] = useState<Partial<Record<F, boolean>>>({})
  const [submitted, setSubmitted] = useState(false)
  const [server, setServer] = useState<Errors<F>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const errors = checkForm<F>(spec.rules, spec.cross ?? [], values as Partial<Record<F, unknown>>)
  const known = (f: string): F | null =>
    spec.fieldOf ? spec.fieldOf(f) : f in values ? (f as F) : null

  return {
    values,
    set: (patch) => {
      setValues((prev) => ({ ...prev, ...patch }))
      setServer((prev) => {
        const next = { ...prev }
        for (const f of Object.keys(patch)) delete next[f as F]
        return next
      })
      setFormError(null)
    },
    touch: (field) => setTouched((prev) => ({ ...prev, [field]: true })),
    // Text over its limit is said at once, next to the field (it is never cut).
    messageOf: (field) =>
      server[field] ??
      (submitted || touched[field] || overLimit(spec.rules[field], values[field])
        ? errors[field]
        : undefined),
    formError,
    attempt: () => {
      setSubmitted(true)
      return Object.keys(errors).length === 0
    },
    refuse: (error) => {
      const at = error.field ? known(error.field) : null
      if (at) setServer({ [at]: error.message } as Errors<F>)
      else setFormError(error.message)
    },
  }
}

/** Text longer than its rule's `max` (in characters as people count them: an emoji is one). */
function overLimit(rule: FieldRule | undefined, value: unknown): boolean {
  const max = rule && 'max' in rule ? rule.max : undefined
  return !!max && typeof value === 'string' && textLength(value.trim()) > max.value
}
