import type { z } from 'zod'
import { fail, ok, type Result } from './result'

/**
 * Parses input at the boundary. The first issue becomes `INVALID_INPUT` with the offending field
 * (dotted path) and the schema's Chinese message; unknown keys are stripped by the schemas.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(input === undefined ? {} : input)
  if (parsed.success) return ok(parsed.data)
  const issue = parsed.error.issues[0]
  const field = issue.path.length ? issue.path.join('.') : 'input'
  const message = /[\u4e00-\u9fa5]/.test(issue.message) ? issue.message : '填写的内容格式不正确'
  return fail('INVALID_INPUT', message, field)
}
