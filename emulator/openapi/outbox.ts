import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

// Subscribe messages "sent" by the fake `subscribeMessage.send`, kept in a JSON-lines file in
// the data folder (outside the database, so index checks and _reset's reseed never touch it).

export interface OutboxMessage {
  id: string
  touser: string
  templateId: string
  page?: string
  data: Record<string, { value: string }>
  miniprogramState?: string
  lang?: string
  /** emulator clock, ISO */
  sentAt: string
  /** the cloud function that sent it */
  fn?: string
}

export class Outbox {
  private messages: OutboxMessage[] = []
  private readonly file: string

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'outbox.jsonl')
    if (fs.existsSync(this.file)) {
      for (const line of fs.readFileSync(this.file, 'utf8').split('\n')) {
        if (!line.trim()) continue
        try {
          this.messages.push(JSON.parse(line) as OutboxMessage)
        } catch {
          // a torn last line after a crash: skip it
        }
      }
    }
  }

  add(message: Omit<OutboxMessage, 'id'>): OutboxMessage {
    const stored: OutboxMessage = { id: crypto.randomUUID(), ...message }
    this.messages.push(stored)
    fs.mkdirSync(path.dirname(this.file), { recursive: true })
    fs.appendFileSync(this.file, `${JSON.stringify(stored)}\n`)
    return stored
  }

  /** Newest first. */
  list(touser?: string): OutboxMessage[] {
    const all = touser ? this.messages.filter((m) => m.touser === touser) : this.messages
    return [...all].reverse()
  }

  clear(): void {
    this.messages = []
    if (fs.existsSync(this.file)) fs.writeFileSync(this.file, '')
  }
}
