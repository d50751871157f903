import {
  WISH_CONTENT_MAX,
  WISH_TITLE_MAX,
  WISH_TITLE_MIN,
  type WishCategory,
} from '@/contract/wish-labels'

// Client-side checks of the wish forms, for instant feedback. They mirror the inputs in
// src/contract/wish.ts (same rules, same messages) without pulling zod into the mini-program;
// test/components/wish/validate.test.ts keeps the two in step. The server stays the judge.

export const REASON_MAX = 100
export const NOTE_MAX = 200
export const THANKS_MAX = 200

export interface WishForm {
  title: string
  content: string
  category: WishCategory | null
  /** Only when a grid worker files the wish for a resident (createFor). */
  residentOpenid: string
}

export type WishField = 'title' | 'content' | 'category' | 'residentOpenid'
export type WishErrors = Partial<Record<WishField, string>>

export function checkTitle(raw: string): string | undefined {
  const title = raw.trim()
  if (!title) return '请填写心愿标题'
  if (title.length < WISH_TITLE_MIN) return `标题至少 ${WISH_TITLE_MIN} 个字`
  if (title.length > WISH_TITLE_MAX) return `标题最多 ${WISH_TITLE_MAX} 个字`
}

export function checkContent(raw: string): string | undefined {
  const content = raw.trim()
  if (!content) return '请填写心愿内容'
  if (content.length > WISH_CONTENT_MAX) return `内容最多 ${WISH_CONTENT_MAX} 个字`
}

export function validateWish(form: WishForm, forResident: boolean): WishErrors {
  const errors: WishErrors = {
    title: checkTitle(form.title),
    content: checkContent(form.content),
    category: form.category ? undefined : '请选择心愿类别',
    residentOpenid: forResident && !form.residentOpenid ? '请选择要代填心愿的居民' : undefined,
  }
  for (const key of Object.keys(errors) as WishField[]) if (!errors[key]) delete errors[key]
  return errors
}

/** The server names fields of its input; anything else is shown above the submit button. */
export function fieldOf(serverField: string | undefined): WishField | null {
  const known: WishField[] = ['title', 'content', 'category', 'residentOpenid']
  return known.find((f) => f === serverField) ?? null
}

// The action dialogs (release, fulfil, confirm, reject).

export function checkReleaseReason(raw: string): string | undefined {
  const reason = raw.trim()
  if (!reason) return '请填写放弃原因'
  if (reason.length > REASON_MAX) return `原因最多 ${REASON_MAX} 个字`
}

export function checkRejectReason(raw: string): string | undefined {
  const reason = raw.trim()
  if (!reason) return '请填写不通过的原因'
  if (reason.length > REASON_MAX) return `原因最多 ${REASON_MAX} 个字`
}

export function checkNote(raw: string): string | undefined {
  if (raw.trim().length > NOTE_MAX) return `说明最多 ${NOTE_MAX} 个字`
}

export function checkThanks(raw: string): string | undefined {
  if (raw.trim().length > THANKS_MAX) return `感谢语最多 ${THANKS_MAX} 个字`
}

export function checkRating(rating: number | null): string | undefined {
  if (rating === null || !Number.isInteger(rating) || rating < 1 || rating > 5) return '请给出评分'
}
