// JSON text of an event for the function instance, at any depth. `JSON.stringify` (which Node's
// IPC uses for every message) recurses and overflows the stack on a body nested some thousands
// of levels deep; V8's `JSON.parse` does not. The caller's body was parsed from JSON, so the
// instance receives it as JSON text and parses it itself: whatever the HTTP layer accepted
// reaches the function, and the function's router decides what to answer (docs/contract.md §2.1).

type Frame =
  | { kind: 'array'; items: unknown[]; i: number }
  | { kind: 'object'; source: Record<string, unknown>; keys: string[]; i: number; wrote: boolean }

/** What JSON.stringify drops from an object and writes as null in an array. */
const skipped = (v: unknown): boolean =>
  v === undefined || typeof v === 'function' || typeof v === 'symbol'

const toPlain = (v: unknown): unknown =>
  v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function'
    ? (v as { toJSON: () => unknown }).toJSON()
    : v

/** As `JSON.stringify(value)` for JSON-like values (undefined at the top gives 'null'), without recursion. */
export function toJson(value: unknown): string {
  const out: string[] = []
  const stack: Frame[] = []
  const open = (raw: unknown): void => {
    const v = toPlain(raw)
    if (v === null || typeof v !== 'object') {
      out.push(skipped(v) ? 'null' : (JSON.stringify(v) ?? 'null'))
    } else if (Array.isArray(v)) {
      out.push('[')
      stack.push({ kind: 'array', items: v, i: 0 })
    } else {
      const source = v as Record<string, unknown>
      out.push('{')
      stack.push({ kind: 'object', source, keys: Object.keys(source), i: 0, wrote: false })
    }
  }
  open(value)
  while (stack.length) {
    const frame = stack[stack.length - 1]
    if (frame.kind === 'array') {
      if (frame.i >= frame.items.length) {
        out.push(']')
        stack.pop()
        continue
      }
      if (frame.i > 0) out.push(',')
      open(frame.items[frame.i++])
      continue
    }
    // Skip keys whose values JSON leaves out, then write the next one.
    while (frame.i < frame.keys.length && skipped(toPlain(frame.source[frame.keys[frame.i]]))) {
      frame.i++
    }
    if (frame.i >= frame.keys.length) {
      out.push('}')
      stack.pop()
      continue
    }
    const key = frame.keys[frame.i++]
    if (frame.wrote) out.push(',')
    frame.wrote = true
    out.push(`${JSON.stringify(key)}:`)
    open(frame.source[key])
  }
  return out.join('')
}
