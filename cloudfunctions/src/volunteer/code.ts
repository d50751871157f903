import { createHmac } from 'node:crypto'
import { CHECKIN_CODE_SECONDS } from '@/contract/volunteer'

// The rotating check-in code: 6 digits from an HMAC of the activity's secret and the index of
// the current 60 s window. Nothing is written: any instance computes the same code.

const WINDOW_MS = CHECKIN_CODE_SECONDS * 1000

export const windowOf = (at: Date): number => Math.floor(at.getTime() / WINDOW_MS)

export function codeFor(secret: string, window: number): string {
  const mac = createHmac('sha256', secret).update(String(window)).digest()
  return String(mac.readUInt32BE(0) % 1_000_000).padStart(6, '0')
}

/** The code now and when it stops being shown (the previous one is still accepted). */
export const currentCode = (secret: string, now: Date): { code: string; expiresAt: Date } => {
  const w = windowOf(now)
  return { code: codeFor(secret, w), expiresAt: new Date((w + 1) * WINDOW_MS) }
}

/** The code of this window or the previous one. */
export const codeAccepted = (secret: string, code: string, now: Date): boolean => {
  const w = windowOf(now)
  return code === codeFor(secret, w) || code === codeFor(secret, w - 1)
}

/** What the activity's QR code carries: the check-in page opens with both filled in. */
export const checkinScene = (activityId: string, code: string): string =>
  `v=${activityId}&c=${code}`
