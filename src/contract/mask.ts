// Masking of personal data for viewers without a need to know (the server applies it; the
// client only displays). Pure so both sides and the tests share one definition.

/** 13800000001 → 138****0001 */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return ''
  if (phone.length < 7) return '*'.repeat(phone.length)
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`
}

/** 张桂兰 → 张*, 欧阳修文 → 欧*; a Latin name keeps its first letter. */
export function maskName(name: string | null | undefined): string {
  if (!name) return ''
  const first = Array.from(name.trim())[0] ?? ''
  return `${first}*`
}
