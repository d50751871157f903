import { z } from 'zod'
import {
  checkCross,
  checkInt,
  checkText,
  type CrossRule,
  type IntRule,
  type TextRule,
} from './rules'

// The rule data of <domain>.rules.ts as zod schemas, for the server's boundary. The checks are
// the very functions the pages run (rules.ts); zod only adds the parse and the field path.

/** A required text field, trimmed. */
export const zText = (rule: TextRule) =>
  z
    .string(rule.type ?? rule.required ?? '格式不正确')
    .trim()
    .superRefine((v, ctx) => {
      const message = checkText(rule, v)
      if (message) ctx.addIssue({ code: 'custom', message })
    })

/** An optional text field (absent passes; given, it is checked like any other). */
export const zOptionalText = (rule: TextRule) => zText(rule).optional()

export const zInt = (rule: IntRule) =>
  z.number(rule.required).superRefine((v, ctx) => {
    const message = checkInt(rule, v)
    if (message) ctx.addIssue({ code: 'custom', message })
  })

/** The rules between fields, each message at its field. */
export const withCross = <S extends z.ZodType<Record<string, unknown>>>(
  schema: S,
  rules: readonly CrossRule[]
) =>
  schema.superRefine((v, ctx) => {
    for (const { field, message } of checkCross(rules, v)) {
      ctx.addIssue({ code: 'custom', message, path: [field] })
    }
  })
