import { z } from 'zod'
import { hasLoneSurrogate, idRule } from './rules'
import { zText } from './zod-rules'
export type { Page } from './errors'

// Shared input pieces. Every message is the Chinese text the user sees next to the field.

export const idSchema = (label: string) => zText(idRule(label))

export const pageInput = {
  cursor: z
    .string('分页参数不正确')
    .max(200, '分页参数不正确')
    .refine((c) => !hasLoneSurrogate(c), '分页参数不正确')
    .optional(),
  limit: z
    .number('每页数量必须是数字')
    .int('每页数量必须是整数')
    .min(1, '每页至少 1 条')
    .max(50, '每页最多 50 条')
    .optional(),
}

export const PageInput = z.object(pageInput)
export type PageInput = z.infer<typeof PageInput>

export const EmptyInput = z.object({})

/** Per-item permissions for the viewer: the client renders buttons from these, never from rules. */
export type Can<K extends string> = Record<K, boolean>

/** What the viewer may do with a person shown to them: `call` renders a 拨打 button. */
export type ContactCan = Can<'call'>

/** One action of a domain's Api: its input (as the caller sends it) and its result. */
export interface Action<I extends z.ZodType, O> {
  input: z.input<I>
  output: O
}
