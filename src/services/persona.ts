import type { Result } from '@/contract/errors'

// Local mode (H5 build against the emulator) only: which demo user the app acts as.
// `/?as=<openid>` picks one and remembers it, so a link can open the app as anyone (docs/contract.md §5.5).

export const PERSONA_KEY = 'honglin.openid'
export const DEFAULT_PERSONA = 'demo-resident-1'

export interface Persona {
  openid: string
  label: string
}

let current: string | null = null

/** Reads `?as=` once at startup and stores it; afterwards the stored choice wins. */
export function initPersona(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('as')?.trim()
  if (fromUrl) store(fromUrl)
  current = fromUrl || read() || DEFAULT_PERSONA
  return current
}

export function currentPersona(): string {
  return current ?? initPersona()
}

export function setPersona(openid: string): void {
  store(openid)
  current = openid
}

/** Switches to another demo user and reloads the app as them, on the home tab. */
export function switchPersona(openid: string): void {
  setPersona(openid)
  const { origin, pathname } = window.location
  window.location.replace(`${origin}${pathname}?as=${encodeURIComponent(openid)}#/pages/home/index`)
}

export async function listPersonas(): Promise<Result<Persona[]>> {
  try {
    const res = await fetch('/api/_personas')
    const body = (await res.json()) as Result<Persona[]>
    if (body && (body.ok === true || body.ok === false)) return body
  } catch {
    // fall through
  }
  return { ok: false, error: { code: 'INTERNAL', message: '网络不太好，请稍后再试' } }
}

function read(): string | null {
  try {
    return window.localStorage.getItem(PERSONA_KEY)
  } catch {
    return null
  }
}

function store(openid: string) {
  try {
    window.localStorage.setItem(PERSONA_KEY, openid)
  } catch {
    // Private browsing: the choice lasts for this page only.
  }
}
