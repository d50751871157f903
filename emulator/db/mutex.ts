// A FIFO async mutex. The service keeps one per collection so that a read-check-write sequence
// (conditional update, unique check, transaction commit) runs as one step.
export class Mutex {
  private tail: Promise<void> = Promise.resolve()

  async run<T>(fn: () => Promise<T> | T): Promise<T> {
    let release!: () => void
    const next = new Promise<void>((resolve) => (release = resolve))
    const previous = this.tail
    this.tail = previous.then(() => next)
    await previous
    try {
      return await fn()
    } finally {
      release()
    }
  }
}

// Takes several mutexes in a fixed (sorted) order so two multi-collection commits cannot deadlock.
export async function withLocks<T>(
  locks: { name: string; mutex: Mutex }[],
  fn: () => Promise<T>
): Promise<T> {
  const sorted = [...new Map(locks.map((l) => [l.name, l])).values()].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0
  )
  const acquire = (i: number): Promise<T> =>
    i === sorted.length ? fn() : sorted[i].mutex.run(() => acquire(i + 1))
  return acquire(0)
}
