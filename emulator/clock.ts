// The emulator's clock: real time plus an offset that tests and demos move forward to reach
// deadlines. Function instances, db.serverDate() and timers all read it; production code never
// knows it exists.
export class Clock {
  private offset = 0

  get offsetMs(): number {
    return this.offset
  }

  set(offsetMs: number): void {
    this.offset = Math.trunc(offsetMs)
  }

  now(): number {
    return Date.now() + this.offset
  }

  toJSON(): { offsetMs: number; now: string } {
    return { offsetMs: this.offset, now: new Date(this.now()).toISOString() }
  }
}
