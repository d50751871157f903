import type { Request } from '@/contract/errors'
import { currentPersona } from './persona'

// H5 build: the local emulator's HTTP API (docs/contract.md §5.1). The emulator trusts `X-Openid`, which is
// why it only ever listens on 127.0.0.1.

/** Sends one request to a cloud function; rejects when the network or the answer is broken. */
export async function send(fn: string, request: Request): Promise<unknown> {
  const res = await fetch(`/api/${fn}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Openid': currentPersona() },
    body: JSON.stringify(request),
  })
  return res.json()
}
